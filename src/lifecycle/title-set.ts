/** The compiled form of rules/titles/*.yaml: names a lifecycle rule does not itself match. */
import type { CompiledMatcher } from './rule-set.js';

/**
 * What a title says about the items it names:
 * - `product`: they are that lifecycle rule's product under another name (a localised or bundle name);
 * - `part-of`: a component, judged as the release of `product` it belongs to, or as the OS (`os`);
 * - `no-lifecycle`: the publisher publishes no support policy; `why` says so.
 */
export type TitleDisposition =
  | { kind: 'product'; product: string }
  | { kind: 'part-of'; product: string }
  | { kind: 'no-lifecycle'; why: string };

export interface CompiledTitle {
  /** File name in rules/titles, e.g. "microsoft-components.yaml". */
  file: string;
  /** Position in the file's `titles` list (0-based). */
  index: number;
  title: string;
  publisher: string;
  matchers: readonly CompiledMatcher[];
  disposition: TitleDisposition;
}

/** `partOf: os`: the component ships and is serviced with the operating system. */
export const OS_PARENT = 'os';
