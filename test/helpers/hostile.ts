/**
 * fast-check arbitraries for hostile input: values a broken or malicious
 * client could send where a report (or any JSON body) is expected, and
 * mutations of a valid value at one located path, so a test can say which
 * field the validator should blame.
 */
import fc from 'fast-check';

/** The path of a node inside a JSON-like value: object keys and array indices. */
export type NodePath = (string | number)[];

/** A string nested `depth` arrays deep: deeper than any recursive validator should follow. */
export function deepArray(depth: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

export function deepObject(depth: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

/** An object holding `key` as its OWN property, as JSON.parse makes `{"__proto__": …}`, not as a prototype change. */
export function withOwnKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  return target;
}

export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'] as const;

/** Strings that break naive code: long, whitespace-only, control characters, lone surrogates, RTL marks, NUL, markup. */
export const hostileShortString: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ minLength: 257, maxLength: 3000 }),
  fc.constantFrom(
    '', ' ', '\t\n\r', '\u0000', 'a\u0000b', '\ud800', '\udfff', '\u202e\u202d', '\ufeff', '\u200b', 'NaN', 'Infinity', '-Infinity', 'null',
    'undefined', 'true', '1e309', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', "'; DROP TABLE assets; --",
    '../../etc/passwd', '%00', '${7*7}', '{{7*7}}',
  ),
);

/** The above, plus a 1 MiB string now and then: for code whose cost per character is small. */
export const hostileString: fc.Arbitrary<string> = fc.oneof({ weight: 9, arbitrary: hostileShortString }, { weight: 1, arbitrary: fc.constant('x'.repeat(1 << 20)) });

/** Any value JSON.parse could give, plus the non-JSON ones a caller in-process could pass. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.constantFrom(null, undefined, true, false, 0, -0, -1, 1.5, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 2, 1e308, 10n, Symbol('s'), () => 1) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(deepArray(2000), deepObject(2000), [], {}, [[]], { '': '' }, new Date(0), new Map(), /re/) },
  { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS).map((k) => withOwnKey({}, k, { polluted: true })) },
  { weight: 2, arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true }) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 5 }) },
);

/** Every path to a node below the root of a plain JSON-like value. */
export function listPaths(value: unknown, prefix: NodePath = []): NodePath[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...listPaths(v, [...prefix, i])]);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...listPaths(v, [...prefix, k])]);
  return [];
}

/** The objects (not arrays) inside a value, root included: where an extra key can go. */
export function listObjectPaths(value: unknown, prefix: NodePath = []): NodePath[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => listObjectPaths(v, [...prefix, i]));
  if (value && typeof value === 'object') return [prefix, ...Object.entries(value).flatMap(([k, v]) => listObjectPaths(v, [...prefix, k]))];
  return [];
}

export function getAt(value: unknown, path: NodePath): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value);
}

/** Formats a path the way the contract's issues do (`software[3].version`). */
export function pathText(path: NodePath): string {
  return path.reduce<string>((out, k) => (typeof k === 'number' ? `${out}[${k}]` : out ? `${out}.${k}` : k), '') || '(root)';
}

export type Mutation =
  | { op: 'delete'; path: NodePath }
  | { op: 'replace'; path: NodePath; value: unknown }
  | { op: 'extra-key'; path: NodePath; key: string; value: unknown }
  | { op: 'duplicate'; path: NodePath }
  | { op: 'pad'; path: NodePath };

/** One mutation of `base` at a path that exists in it. */
export function mutationOf(base: unknown): fc.Arbitrary<Mutation> {
  const paths = listPaths(base);
  const objects = listObjectPaths(base);
  const arrayItems = paths.filter((p) => typeof p[p.length - 1] === 'number');
  const strings = paths.filter((p) => typeof getAt(base, p) === 'string');
  const arbs: fc.Arbitrary<Mutation>[] = [
    fc.constantFrom(...paths).map((path) => ({ op: 'delete' as const, path })),
    fc.record({ path: fc.constantFrom(...paths), value: hostileValue }).map((m) => ({ op: 'replace' as const, ...m })),
    fc
      .record({ path: fc.constantFrom(...objects), key: fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ minLength: 1 })), value: hostileValue })
      .map((m) => ({ op: 'extra-key' as const, ...m })),
  ];
  if (arrayItems.length) arbs.push(fc.constantFrom(...arrayItems).map((path) => ({ op: 'duplicate' as const, path })));
  if (strings.length) arbs.push(fc.constantFrom(...strings).map((path) => ({ op: 'pad' as const, path })));
  return fc.oneof(...arbs);
}

/** A deep copy of `base` with the mutation applied; `base` is left alone. */
export function applyMutation<T>(base: T, m: Mutation): T {
  const copy = structuredClone(base);
  if (m.op === 'extra-key') {
    const target = m.path.length ? getAt(copy, m.path) : copy;
    if (Object.hasOwn(target as object, m.key)) return copy;
    withOwnKey(target as Record<string, unknown>, m.key, m.value);
    return copy;
  }
  const parent = getAt(copy, m.path.slice(0, -1)) as Record<string | number, unknown> & unknown[];
  const key = m.path[m.path.length - 1] as string | number;
  if (m.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else if (m.op === 'replace') {
    parent[key] = m.value;
  } else if (m.op === 'duplicate') {
    parent.splice((key as number) + 1, 0, structuredClone(parent[key]));
  } else {
    parent[key] = `  \t${String(parent[key])}\n `;
  }
  return copy;
}
