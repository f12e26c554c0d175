/** Known fax/pager/modem hardware (rules/devices/) classifies agent-reported devices at ingest. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertRuleSchema } from '../../src/alerts/alert-rule-schema.js';
import { loadInventory } from '../../src/store/asset-inventory.js';
import { inventoryHash } from '../../src/contract/inventory-hash.js';
import { ingestReport } from '../../src/ingest/ingest-report.js';
import { listAssetDevices } from '../../src/store/asset-queries.js';
import { sampleReport } from '../helpers/reports.js';
import { createTestHub, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub;
const modemRule = AlertRuleSchema.parse({ id: 'modem-present', title: 'Modem', severity: 'medium', description: 'd', remediation: 'r', condition: { kind: 'device-present', kinds: ['modem'] } });
const report = sampleReport({
  host: { hostname: 'IFACE-ENG02' },
  devices: [{ kind: 'usb', name: 'U.S. Robotics USB modem', connection: 'usb 0baf:0303' }, { kind: 'usb', name: 'Logitech receiver', connection: 'usb 046d:c52b' }],
});

beforeAll(async () => {
  hub = await createTestHub();
  ingestReport({ ...hub.deps, alertRules: [modemRule] }, report, { agentId: null, organisationId: 1, idempotencyKey: 'classify-1' });
});
afterAll(() => hub.close());

describe('device classification at ingest', () => {
  it('stores a known USB fax modem as a modem, with the reason, and leaves unknown USB devices alone', () => {
    const asset = hub.deps.db.prepare("SELECT id FROM assets WHERE hostname = 'IFACE-ENG02'").get() as { id: number };
    const devices = listAssetDevices(hub.deps.db, asset.id);
    expect(devices.map((d) => [d.name, d.kind])).toEqual([['U.S. Robotics USB modem', 'modem'], ['Logitech receiver', 'usb']]);
    expect(devices[0]?.classification).toMatch(/known-devices\.yaml/);
  });

  it('raises device-present alerts on the classified kind', () => {
    const alerts = hub.deps.db.prepare("SELECT title FROM alerts WHERE rule_id = 'modem-present'").all() as { title: string }[];
    expect(alerts.map((a) => a.title)).toEqual(['Modem: modem "U.S. Robotics USB modem"']);
  });

  it("keeps the reported kind for the inventory, so the agent's delta base still matches", () => {
    const asset = hub.deps.db.prepare("SELECT id FROM assets WHERE hostname = 'IFACE-ENG02'").get() as { id: number };
    expect(inventoryHash(loadInventory(hub.deps.db, asset.id)!)).toBe(inventoryHash(report));
  });
});
