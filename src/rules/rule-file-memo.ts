/**
 * The last result of parsing each rule file (lifecycle rules, the Windows
 * update list), reused while its text is unchanged.
 * Parsing is a pure function of a file's name and text, and the YAML parse is
 * most of what opening the rules costs (~0.45 s of ~0.5 s for the shipped 460
 * files). A lifecycle-data update checks the composed rules and then loads them
 * (two builds that differ in a few files), and one process may open a hub's
 * rules many times (the bench and tests start many hubs); each file is parsed
 * once while it stays the same. One entry per file name bounds what is kept.
 */
export interface RuleFileMemo<T> {
  /** `parse(text)`'s result for this file, from the memo when the text is the one last parsed under its name. */
  get(file: string, text: string, parse: () => T): T;
}

export function ruleFileMemo<T>(): RuleFileMemo<T> {
  const last = new Map<string, { text: string; result: T }>();
  return {
    get(file, text, parse) {
      const kept = last.get(file);
      if (kept && kept.text === text) return kept.result;
      const result = parse();
      last.set(file, { text, result });
      return result;
    },
  };
}
