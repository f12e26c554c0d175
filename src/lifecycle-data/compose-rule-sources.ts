/**
 * The lifecycle rule files in force on a hub: the shipped ones, with a
 * lifecycle-data update's generated files laid over them. An update replaces
 * a shipped generated file of the same name whose data is older, and adds
 * products the shipped rules lack; a hand-written shipped file
 * (`generated: false`) always stays, a shipped file the update has no data for
 * stays as the fallback, and so does one whose data is as new or newer (a
 * later estatewatch release shipped fresher data than the hub's update).
 */
import type { RuleSource } from '../rules/read-rule-sources.js';

/**
 * A rule file marked `generated: false` was written by hand and is never replaced by generated data.
 * Read as text, not parsed: a hub composes some 400 files at every start, and the schema
 * (checked when the rules are built) only allows `generated` as a top-level key.
 */
export function isHandWritten(text: string): boolean {
  return /^generated:\s*false\s*(#.*)?$/m.test(text);
}

/** The day a rule file's data was read (`source.retrieved`, a date), '' when it gives none. */
function retrievedOn(text: string): string {
  return /\bretrieved:\s*['"]?(\d{4}-\d{2}-\d{2})/.exec(text)?.[1] ?? '';
}

export interface ComposedSources {
  sources: RuleSource[];
  /** Update files not used: a hand-written shipped file has the name, or the shipped data is as new. */
  keptShipped: string[];
}

export function composeRuleSources(shipped: readonly RuleSource[], update: readonly RuleSource[]): ComposedSources {
  const byFile = new Map(shipped.map((s) => [s.file, s]));
  const keptShipped: string[] = [];
  for (const u of update) {
    const own = byFile.get(u.file);
    if (own && (isHandWritten(own.text) || retrievedOn(own.text) >= retrievedOn(u.text))) keptShipped.push(u.file);
    else byFile.set(u.file, u);
  }
  return { sources: [...byFile.values()], keptShipped };
}
