/** The compiled form of rules/lifecycle/*.yaml that the status engine runs on. */
import type { SoftwareSource } from '../contract/report.js';
import type { DateValue } from '../rules/lifecycle-schema.js';
import type { WindowsUpdates } from '../rules/windows-updates-schema.js';
import type { EndedSupport } from './ended-support.js';
import type { VersionScheme } from './schemes/index.js';
import type { CompiledTitle } from './title-set.js';

export type RuleKind = 'os' | 'software';
export type MatchField = 'name' | 'vendor' | 'family' | 'edition' | 'purl' | 'version';

export interface FieldTest {
  field: MatchField;
  /** The pattern as written, for reasons a person can check against the file. */
  pattern: string;
  regex: RegExp;
}

export interface CompiledMatcher {
  /** Position in the file's `match` list (0-based). */
  index: number;
  tests: readonly FieldTest[];
  sources: ReadonlySet<SoftwareSource> | null;
  /** A distribution package matched here follows this product, not the OS. */
  upstream: boolean;
}

export interface CompiledCycle {
  cycle: string;
  label: string | null;
  /** Component lists; a version fits when one of them is its prefix. Null = any version. */
  versions: readonly (readonly string[])[] | null;
  minVersion: readonly string[] | null;
  edition: { pattern: string; regex: RegExp } | null;
  releaseDate: string | null;
  support: DateValue;
  eol: DateValue;
  extendedSupport: DateValue;
  /** Evergreen rules: the newest version of the cycle on the rule's `evergreen.asOf`. */
  latest: string | null;
  /** The newest version of the cycle the data knows and its day (absent or null: not known): what patch currency is measured against (judge-patch.ts). */
  newest?: string | null;
  newestDate?: string | null;
  note: string | null;
}

export interface RuleLabels {
  support: string | null;
  eol: string;
  extendedSupport: string | null;
}

export interface RuleSource {
  name: string;
  url: string;
  commit: string | null;
  license: string | null;
  retrieved: string | null;
  /** Data read from an installed Debian package (distro-info-data): that package's version. */
  version?: string | null;
}

export interface CompiledRule {
  /** File name in the rules directory, e.g. "windows.yaml". */
  file: string;
  product: string;
  title: string;
  kind: RuleKind;
  generated: boolean;
  /** Part of the OS: its support is capped by the OS's (see verdictOnAsset). */
  osComponent: boolean;
  /** Supported only at or above a cycle's `latest`, and only while `asOf` is recent enough. */
  evergreen: { asOf: string } | null;
  source: RuleSource;
  labels: RuleLabels;
  scheme: VersionScheme;
  matchers: readonly CompiledMatcher[];
  /** In file order: the first cycle whose conditions all hold wins. */
  cycles: readonly CompiledCycle[];
}

export interface RuleSet {
  /** Sorted by file name; the first rule whose matcher fires wins. */
  rules: readonly CompiledRule[];
  /** rules/titles/*.yaml, tried after every lifecycle rule: components, OS parts, aliases, titles with no lifecycle. */
  titles: readonly CompiledTitle[];
  /** sha256 over file names and contents, so the hub can tell when rules changed. */
  digest: string;
  /** debian-security-support: Debian packages whose security support ended before their release's (see ended-support.ts). */
  endedSupport?: EndedSupport;
  /** rules/patches/windows-cumulative-updates.yaml: a Windows build's update revision → its cumulative update (rules/with-windows-updates.ts). */
  windowsUpdates?: WindowsUpdates;
}
