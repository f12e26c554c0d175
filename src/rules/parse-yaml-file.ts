/**
 * One YAML rule file against any zod schema, every problem located on its line
 * (YAML parsed with a LineCounter). Lifecycle and alert rules share it.
 */
import { isAlias, isMap, isNode, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { z } from 'zod';
import type { $ZodIssue } from 'zod/v4/core';
import { formatPath } from '../contract/report.js';
import type { RuleSource } from './read-rule-sources.js';
import type { RuleIssue } from './rule-issue.js';

/** Builds an issue at the line of a path in the file (the nearest existing parent when it is missing). */
export type LocateIssue = (path: readonly PropertyKey[], message: string) => RuleIssue;

export interface ParsedYamlFile<T> {
  /** The validated value; null when the YAML or the schema failed. */
  value: T | null;
  /** The plain YAML data before validation (undefined on a syntax error), for checks that must run even when the schema fails. */
  raw: unknown;
  issues: RuleIssue[];
  /** For checks the schema cannot make (file name, duplicates, cross-file references). */
  at: LocateIssue;
}

export function parseYamlFile<S extends z.ZodType>(source: RuleSource, schema: S): ParsedYamlFile<z.output<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter, prettyErrors: false });
  const at: LocateIssue = (path, message) => ({
    file: source.file,
    line: lineOf(doc, lineCounter, path),
    message: path.length > 0 ? `${formatPath(path)}: ${message}` : message,
  });
  if (doc.errors.length > 0) {
    // An unclosed bracket is only noticed at the end of the input: point at the last line there is, not past it.
    const lastLine = source.text.replace(/\s+$/, '').split('\n').length;
    const issues = doc.errors.map((e) => ({
      file: source.file,
      line: Math.min(lineCounter.linePos(e.pos[0]).line, lastLine),
      message: `YAML syntax: ${e.message.split('\n')[0] ?? e.code}`,
    }));
    return { value: null, raw: undefined, issues, at };
  }
  const plain = toPlain(doc, lineCounter, source);
  if ('issues' in plain) return { value: null, raw: undefined, issues: plain.issues, at };
  const { raw } = plain;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { value: parsed.data, raw, issues: [], at };
  return { value: null, raw, issues: parsed.error.issues.flatMap((i) => zodIssues(i, at)), at };
}

/**
 * The YAML library reports syntax errors but THROWS for an alias whose anchor is
 * missing and for an alias bomb ("billion laughs"); both become an issue on the
 * line of the offending (else the first) alias, so a bad file never crashes the load.
 */
function toPlain(doc: Document, lineCounter: LineCounter, source: RuleSource): { raw: unknown } | { issues: RuleIssue[] } {
  try {
    return { raw: doc.toJS() };
  } catch (err) {
    const anchors = new Set<string>();
    let first: number | undefined;
    let unresolved: number | undefined;
    visit(doc, (_key, node) => {
      if (isNode(node) && 'anchor' in node && typeof node.anchor === 'string') anchors.add(node.anchor);
      if (isAlias(node) && node.range) {
        const line = lineCounter.linePos(node.range[0]).line;
        first ??= line;
        if (!anchors.has(node.source)) unresolved ??= line;
      }
    });
    return { issues: [{ file: source.file, line: unresolved ?? first ?? 1, message: `YAML: ${(err as Error).message}` }] };
  }
}

/** An unknown key is reported on its own line, not on its parent's. */
function zodIssues(issue: $ZodIssue, at: LocateIssue): RuleIssue[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => at([...issue.path, key], 'unknown field (see rules/README.md)'));
  }
  return [at(issue.path, issue.message)];
}

/** Line of the deepest node on the path that exists (a missing key points at its parent). */
function lineOf(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    const keyRange = depth > 0 ? keyRangeOf(doc, path.slice(0, depth)) : undefined;
    const range = keyRange ?? (isNode(node) ? node.range : undefined);
    if (range) return lineCounter.linePos(range[0]).line;
  }
  return 1;
}

/** For a map entry, the key's position: that is where a reader looks for the field. */
function keyRangeOf(doc: Document, path: readonly PropertyKey[]): readonly [number, number, number] | undefined {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const key = path[path.length - 1];
  const pair = parent.items.find((p) => isNode(p.key) && 'value' in p.key && p.key.value === key);
  return pair && isNode(pair.key) ? pair.key.range ?? undefined : undefined;
}
