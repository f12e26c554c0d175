/** One problem in a rule file, located for `file:line: message` output. */
export interface RuleIssue {
  /** File name relative to the rules directory, e.g. "windows.yaml". */
  file: string;
  /** 1-based line; 1 when the problem is the whole file. */
  line: number;
  message: string;
}

export function formatRuleIssue(issue: RuleIssue): string {
  return `${issue.file}:${issue.line}: ${issue.message}`;
}

/** Thrown by loadLifecycleRules and loadAlertRules when any file is bad; the CLI prints each issue. */
export class RulesError extends Error {
  readonly code = 'rules-invalid';
  constructor(
    readonly issues: readonly RuleIssue[],
    kind = 'lifecycle rules',
  ) {
    super(`${issues.length} problem(s) in ${kind}:\n${issues.map(formatRuleIssue).join('\n')}`);
    this.name = 'RulesError';
  }
}

/** Plain code-unit order, not localeCompare: output must not depend on the machine's locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareIssues(a: RuleIssue, b: RuleIssue): number {
  return compareText(a.file, b.file) || a.line - b.line || compareText(a.message, b.message);
}
