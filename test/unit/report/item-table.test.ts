/** The compact items list: rows rebuilt in the assets list's order, whatever order they were gathered in. */
import { describe, expect, it } from 'vitest';
import { countItemAssets, countItems, itemRows, itemsByProduct, itemTable, type ItemEntry } from '../../../src/report/item-table.js';

const assets = [{ assetId: 7, hostname: 'ALPHA' }, { assetId: 3, hostname: 'BRAVO' }, { assetId: 5, hostname: 'CHARLIE' }];
const entry = (kind: 'os' | 'software', name: string, status: ItemEntry['status'] = 'unsupported'): ItemEntry => ({
  kind, product: `${name} product`, name, version: '1', status, eol: '2020-01-14', extendedSupportEnd: null, endingWithin6Months: 'no',
});

const table = itemTable([
  { entry: entry('software', 'Zip'), assetIds: [5, 7] },
  { entry: entry('os', 'Windows 7'), assetIds: [3] },
  { entry: entry('software', 'Acrobat'), assetIds: [5] },
  // The same item found again (another vendor's build, say) merges with the first.
  { entry: entry('software', 'Zip'), assetIds: [3] },
], assets);

describe('itemTable', () => {
  it('lists rows by asset in the assets list order, then kind, name and version', () => {
    expect(itemRows(table, assets, {}).map((r) => `${r.hostname} ${r.kind} ${r.name}`)).toEqual([
      'ALPHA software Zip', 'BRAVO os Windows 7', 'BRAVO software Zip', 'CHARLIE software Acrobat', 'CHARLIE software Zip',
    ]);
  });

  it('filters on item and asset columns alike', () => {
    expect(countItems(table, assets, { name: 'Zip' })).toBe(3);
    expect(countItems(table, assets, { name: 'Zip', hostname: 'BRAVO' })).toBe(1);
    expect(itemRows(table, assets, { assetId: '5' }).map((r) => r.name)).toEqual(['Acrobat', 'Zip']);
    expect(countItemAssets(table, assets, { kind: 'software' })).toBe(3);
  });

  it('groups by product with hosts in list order', () => {
    expect(itemsByProduct(table, assets, { kind: 'software' }).get('Zip product')).toMatchObject({ count: 3, hosts: ['ALPHA', 'BRAVO', 'CHARLIE'] });
  });

  it('refuses an item on an asset the list does not hold', () => {
    expect(() => itemTable([{ entry: entry('os', 'XP'), assetIds: [99] }], assets)).toThrow(/asset 99/);
  });
});
