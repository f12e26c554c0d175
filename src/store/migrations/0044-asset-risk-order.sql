-- Issue 24: the asset list's risk order (an unsupported OS first, then the most
-- unsupported items, then faxes, modems and pagers, then items ending soon)
-- was computed for every asset the filter kept before a page was cut: 393 ms
-- for the whole estate at 100,000 assets, and O(assets) for a large trust.
-- Each asset now keeps the three counts the order sorts on, by triggers on
-- everything they are made of (as assets.carries, migration 0012: the asset's
-- item counts, its OS, its OS's verdict; and its devices), and two indexes give
-- the order, so a page reads its own rows.
--
-- An item's effective status is estate-queries.ts EFFECTIVE_STATUS; a fax,
-- modem or pager is one whose classified kind, else its own, says so (item-counts.test counts them the same way).

ALTER TABLE assets ADD COLUMN unsupported_items INTEGER NOT NULL DEFAULT 0;
ALTER TABLE assets ADD COLUMN ending_soon_items INTEGER NOT NULL DEFAULT 0;
ALTER TABLE assets ADD COLUMN legacy_devices INTEGER NOT NULL DEFAULT 0;

-- Per asset, as the carried-status view of 0012: read for one asset (WHERE asset_id = …), it reads that asset's item counts only.
CREATE VIEW asset_risk_items AS
  SELECT a.id AS asset_id,
    (SELECT coalesce(sum(s.items), 0) FROM asset_item_counts s WHERE s.asset_id = a.id AND CASE
        WHEN s.os_link = 'follows' THEN o.status
        WHEN s.os_link = 'capped' AND s.status <> 'unknown' AND o.status <> 'unknown'
          AND (CASE o.status WHEN 'unsupported' THEN 0 WHEN 'extended-support' THEN 1 WHEN 'ending-soon' THEN 2 ELSE 3 END)
            < (CASE s.status WHEN 'unsupported' THEN 0 WHEN 'extended-support' THEN 1 WHEN 'ending-soon' THEN 2 ELSE 3 END) THEN o.status
        ELSE s.status END = 'unsupported') AS unsupported_items,
    (SELECT coalesce(sum(s.items), 0) FROM asset_item_counts s WHERE s.asset_id = a.id AND CASE
        WHEN s.os_link = 'follows' THEN o.status
        WHEN s.os_link = 'capped' AND s.status <> 'unknown' AND o.status <> 'unknown'
          AND (CASE o.status WHEN 'unsupported' THEN 0 WHEN 'extended-support' THEN 1 WHEN 'ending-soon' THEN 2 ELSE 3 END)
            < (CASE s.status WHEN 'unsupported' THEN 0 WHEN 'extended-support' THEN 1 WHEN 'ending-soon' THEN 2 ELSE 3 END) THEN o.status
        ELSE s.status END = 'ending-soon') AS ending_soon_items
  FROM assets a JOIN os_versions o ON o.id = a.os_id;

UPDATE assets SET (unsupported_items, ending_soon_items) = (SELECT r.unsupported_items, r.ending_soon_items FROM asset_risk_items r WHERE r.asset_id = assets.id);
UPDATE assets SET legacy_devices = (SELECT count(*) FROM devices d WHERE d.asset_id = assets.id AND coalesce(d.classified_kind, d.kind) IN ('fax', 'modem', 'pager'));

-- The list's risk order, estate-wide and within a trust (ASSET_ORDERS.risk in store/asset-queries.ts says it the same way).
CREATE INDEX assets_risk_order ON assets ((CASE WHEN os_rank = 0 THEN 0 ELSE 1 END), unsupported_items DESC, legacy_devices DESC, ending_soon_items DESC, hostname, id);
CREATE INDEX assets_organisation_risk_order ON assets (organisation_id, (CASE WHEN os_rank = 0 THEN 0 ELSE 1 END), unsupported_items DESC, legacy_devices DESC, ending_soon_items DESC, hostname, id);

CREATE TRIGGER assets_risk_items_os AFTER UPDATE OF os_id ON assets WHEN OLD.os_id <> NEW.os_id BEGIN
  UPDATE assets SET (unsupported_items, ending_soon_items) = (SELECT r.unsupported_items, r.ending_soon_items FROM asset_risk_items r WHERE r.asset_id = NEW.id) WHERE id = NEW.id;
END;

CREATE TRIGGER os_versions_risk_items AFTER UPDATE OF status ON os_versions WHEN OLD.status <> NEW.status BEGIN
  UPDATE assets SET (unsupported_items, ending_soon_items) = (SELECT r.unsupported_items, r.ending_soon_items FROM asset_risk_items r WHERE r.asset_id = assets.id) WHERE os_id = NEW.id;
END;

CREATE TRIGGER asset_item_counts_risk_insert AFTER INSERT ON asset_item_counts BEGIN
  UPDATE assets SET (unsupported_items, ending_soon_items) = (SELECT r.unsupported_items, r.ending_soon_items FROM asset_risk_items r WHERE r.asset_id = NEW.asset_id) WHERE id = NEW.asset_id;
END;

CREATE TRIGGER asset_item_counts_risk_update AFTER UPDATE OF status, os_link, items ON asset_item_counts BEGIN
  UPDATE assets SET (unsupported_items, ending_soon_items) = (SELECT r.unsupported_items, r.ending_soon_items FROM asset_risk_items r WHERE r.asset_id = NEW.asset_id) WHERE id = NEW.asset_id;
END;

CREATE TRIGGER asset_item_counts_risk_delete AFTER DELETE ON asset_item_counts BEGIN
  UPDATE assets SET (unsupported_items, ending_soon_items) = (SELECT r.unsupported_items, r.ending_soon_items FROM asset_risk_items r WHERE r.asset_id = OLD.asset_id) WHERE id = OLD.asset_id;
END;

CREATE TRIGGER devices_legacy_insert AFTER INSERT ON devices WHEN coalesce(NEW.classified_kind, NEW.kind) IN ('fax', 'modem', 'pager') BEGIN
  UPDATE assets SET legacy_devices = legacy_devices + 1 WHERE id = NEW.asset_id;
END;

CREATE TRIGGER devices_legacy_delete AFTER DELETE ON devices WHEN coalesce(OLD.classified_kind, OLD.kind) IN ('fax', 'modem', 'pager') BEGIN
  UPDATE assets SET legacy_devices = legacy_devices - 1 WHERE id = OLD.asset_id;
END;

CREATE TRIGGER devices_legacy_update AFTER UPDATE OF kind, classified_kind, asset_id ON devices BEGIN
  UPDATE assets SET legacy_devices = legacy_devices - 1 WHERE id = OLD.asset_id AND coalesce(OLD.classified_kind, OLD.kind) IN ('fax', 'modem', 'pager');
  UPDATE assets SET legacy_devices = legacy_devices + 1 WHERE id = NEW.asset_id AND coalesce(NEW.classified_kind, NEW.kind) IN ('fax', 'modem', 'pager');
END;
