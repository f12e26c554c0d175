/**
 * Debian's debian-security-support lists of source packages whose security
 * support ended before their release's (/usr/share/debian-security-support/
 * security-support-ended.debNN, one file per Debian release NN). Columns are
 * separated by blanks: package (Debian's own tool reads it as a regular
 * expression matched in full, e.g. `php-horde.*`), the last version supported
 * (0 = every version), the day support ended or ends, and a note.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readPackageCitation, type CitationPlaces, type PackageCitation } from './read-package-citation.js';
import { RulesError, type RuleIssue } from './rule-issue.js';

export const SECURITY_SUPPORT_PACKAGE = 'debian-security-support';

/** The per-release files; the bare `security-support-ended` is a link to the installed release's and is not read twice. */
const ENDED_FILE = /^security-support-ended\.deb(\d+)$/;

export const EndedEntrySchema = z.object({
  package: z.string().regex(/^\S+$/),
  version: z.string().regex(/^\S+$/),
  ended: z.iso.date({ error: 'expected the day support ended, YYYY-MM-DD' }),
  note: z.string().nullable(),
});

export type EndedEntry = z.infer<typeof EndedEntrySchema> & {
  /** The Debian release the file is for: "12" for security-support-ended.deb12. */
  release: string;
  file: string;
  line: number;
};

export interface SecuritySupport {
  entries: readonly EndedEntry[];
  package: PackageCitation;
  /** sha256 over the files' names and contents: verdicts are judged again when it changes. */
  digest: string;
}

/** Pure: one file's text → its entries, or every problem at its line. */
export function parseSecuritySupportEnded(release: string, file: string, text: string): { entries: EndedEntry[]; issues: RuleIssue[] } {
  const entries: EndedEntry[] = [];
  const issues: RuleIssue[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (/^\s*(#|$)/.test(raw)) return;
    const columns = /^(\S+)\s+(\S+)\s+(\S+)(?:\s+(.*?))?\s*$/.exec(raw);
    if (!columns) {
      issues.push({ file, line, message: 'expected at least three columns: package, last supported version, day support ended' });
      return;
    }
    const fields: Record<string, string | null> = { package: columns[1] as string, version: columns[2] as string, ended: columns[3] as string, note: columns[4] || null };
    const parsed = EndedEntrySchema.safeParse(fields);
    if (parsed.success) entries.push({ ...parsed.data, release, file, line });
    else for (const issue of parsed.error.issues) issues.push({ file, line, message: `${String(issue.path[0])}: ${issue.message}, not "${fields[String(issue.path[0])]}"` });
  });
  return { entries, issues };
}

/**
 * Every security-support-ended.debNN in `dir`, or null when there is none (the
 * package is not installed). Throws RulesError when a file is malformed.
 */
export function readSecuritySupport(dir: string, places: CitationPlaces = {}): SecuritySupport | null {
  const names = existsSync(dir) ? readdirSync(dir).filter((f) => ENDED_FILE.test(f)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) : [];
  if (names.length === 0) return null;
  const hash = createHash('sha256');
  const entries: EndedEntry[] = [];
  const issues: RuleIssue[] = [];
  for (const name of names) {
    const file = path.resolve(dir, name);
    const text = readFileSync(file, 'utf8');
    hash.update(`${name}\0${text}\0`);
    const parsed = parseSecuritySupportEnded(ENDED_FILE.exec(name)?.[1] as string, file, text);
    entries.push(...parsed.entries);
    issues.push(...parsed.issues);
  }
  if (issues.length > 0) throw new RulesError(issues, SECURITY_SUPPORT_PACKAGE);
  const files = names.map((n) => path.resolve(dir, n));
  return { entries, package: readPackageCitation(SECURITY_SUPPORT_PACKAGE, dir, files, places), digest: hash.digest('hex') };
}
