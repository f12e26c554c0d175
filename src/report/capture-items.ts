/** The snapshot's items list: each OS and software version at risk on the day, with the assets carrying it. */
import type { RuleSet } from '../lifecycle/rule-set.js';
import type { Db } from '../store/db.js';
import type { OrgScope } from '../store/organisations.js';
import { listItemsAtRisk, type ItemGroupRow } from '../store/posture-capture.js';
import { itemTable, type AssetList, type ItemEntry, type ItemTable } from './item-table.js';
import { productLabel } from './product-label.js';
import { addMonths } from './trust-calendar.js';

/** Items at risk include those losing security support within this many months of the snapshot. */
const ENDING_WITHIN_MONTHS = 6;

export function captureItems(db: Db, org: OrgScope, rules: RuleSet, day: string, assets: AssetList): ItemTable {
  const windowEnd = addMonths(day, ENDING_WITHIN_MONTHS);
  const label = productLabeller(rules);
  return itemTable(listItemsAtRisk(db, org, day, windowEnd).map((g) => ({
    entry: toEntry(g, day, windowEnd, label),
    assetIds: g.assetIds.split(',').map(Number),
  })), assets);
}

/** "Microsoft Windows 7 SP1": the rule's title and the cycle's label, as the board would name the release (product-label.ts). */
function productLabeller(rules: RuleSet): (r: Pick<ItemGroupRow, 'product' | 'cycle' | 'name'>) => string {
  const byProduct = new Map(rules.rules.map((rule) => [rule.product, rule]));
  return ({ product, cycle, name }) => {
    const rule = product ? byProduct.get(product) : undefined;
    if (!rule) return name;
    const c = rule.cycles.find((x) => x.cycle === cycle);
    return productLabel(rule.title, c?.label ?? cycle ?? '');
  };
}

function toEntry(r: ItemGroupRow, day: string, windowEnd: string, label: (r: ItemGroupRow) => string): ItemEntry {
  const endingSoon = r.eol !== null && r.eol > day && r.eol <= windowEnd && (r.status === 'supported' || r.status === 'ending-soon');
  return {
    kind: r.kind, product: label(r), name: r.name, version: r.version, status: r.status,
    eol: r.eol, extendedSupportEnd: r.extendedSupportEnd, endingWithin6Months: endingSoon ? 'yes' : 'no',
  };
}
