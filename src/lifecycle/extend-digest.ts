import { createHash } from 'node:crypto';

/**
 * A RuleSet's digest once data read beside the rule files is applied to it, so
 * that the evaluator's basis (and with it every stored verdict) changes when
 * that data changes, not only when a rule file does.
 */
export function extendDigest(digest: string, what: string, dataDigest: string): string {
  return createHash('sha256').update(`${digest}\0${what}\0${dataDigest}`).digest('hex');
}
