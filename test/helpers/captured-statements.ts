/**
 * The statements a piece of store code runs, with their parameters, for tests
 * that read their plans: a stand-in database records each statement as it is
 * prepared and run, and passes it on to the real one.
 */
import type { Db, Statement } from '../../src/store/db.js';

export interface Captured {
  sql: string;
  params: unknown[];
}

export function captureStatements(real: Db, read: (db: Db) => unknown): Captured[] {
  const seen: Captured[] = [];
  const watch = (s: Statement, sql: string): Statement =>
    new Proxy(s, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target) as unknown;
        if (typeof value !== 'function') return value;
        if (prop === 'all' || prop === 'get' || prop === 'run' || prop === 'iterate') {
          return (...params: unknown[]) => (seen.push({ sql, params }), (value as (...a: unknown[]) => unknown).apply(target, params));
        }
        return (...a: unknown[]) => {
          const out = (value as (...a: unknown[]) => unknown).apply(target, a);
          return out === target ? watch(target, sql) : out;
        };
      },
    });
  const spy = new Proxy(real, {
    get(target, prop) {
      if (prop === 'prepare') return (sql: string) => watch(target.prepare(sql), sql);
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  read(spy);
  return seen;
}
