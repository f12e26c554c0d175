/**
 * The software search (the Software page and GET /api/v1/estate/software):
 * what a person types is a program's name or a product's title, so the text
 * also finds every version judged as a product whose rule title contains it
 * ("Oracle JDK" finds "Java 8 Update 202").
 */
import type { RuleSet } from '../lifecycle/rule-set.js';
import type { SupportStatus } from '../lifecycle/verdict.js';
import type { SoftwareVersionFilter } from '../store/estate-queries.js';

export interface SoftwareQuery {
  q?: string;
  product?: string;
  version?: string;
  status?: SupportStatus;
}

export function softwareSearch(rules: RuleSet, query: SoftwareQuery): Omit<SoftwareVersionFilter, 'limit' | 'offset'> {
  const { q, product, version, status } = query;
  const filter = { product, version, status };
  if (q === undefined) return filter;
  const text = q.toLowerCase();
  return { ...filter, text: { q, products: rules.rules.filter((r) => r.title.toLowerCase().includes(text)).map((r) => r.product) } };
}

export interface ProductChoice {
  product: string;
  /** The rule's title ("Oracle JDK"), or the id when no rule has it any more. */
  title: string;
}

/** Products to choose from, by title. */
export function productChoices(rules: RuleSet, products: readonly string[]): ProductChoice[] {
  const titles = new Map(rules.rules.map((r) => [r.product, r.title]));
  return products.map((product) => ({ product, title: titles.get(product) ?? product })).sort((a, b) => a.title.localeCompare(b.title));
}
