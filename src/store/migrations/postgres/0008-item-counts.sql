-- PostgreSQL form of ../0008-item-counts.sql (see README.md here for the mapping).

-- Installs counted by the item's own status and OS link, per OS (os_item_counts)
-- and per asset (asset_item_counts), kept exact in the same transaction as every
-- change: by store/installs.ts when an asset's installs change (once per report,
-- not per install: a trigger per install halved ingest), and by the triggers
-- below when a version's verdict or an asset's OS changes. The summary, the asset list's filters and counts
-- and the board snapshot read these few rows instead of joining every install
-- (30M at 100,000 assets); the effective status on an asset is still worked out
-- from the OS's verdict at read time (estate-queries.ts EFFECTIVE_STATUS).

CREATE TABLE os_item_counts (
  os_id bigint NOT NULL REFERENCES os_versions(id),
  status text NOT NULL,
  os_link text NOT NULL,
  items bigint NOT NULL,
  PRIMARY KEY (os_id, status, os_link)
);

CREATE TABLE asset_item_counts (
  asset_id bigint NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
  status text NOT NULL,
  os_link text NOT NULL,
  items bigint NOT NULL,
  PRIMARY KEY (asset_id, status, os_link)
);

INSERT INTO os_item_counts (os_id, status, os_link, items)
  SELECT a.os_id, s.status, s.os_link, count(*) FROM installs i JOIN software s ON s.id = i.software_id JOIN assets a ON a.id = i.asset_id
  GROUP BY a.os_id, s.status, s.os_link;
INSERT INTO asset_item_counts (asset_id, status, os_link, items)
  SELECT i.asset_id, s.status, s.os_link, count(*) FROM installs i JOIN software s ON s.id = i.software_id GROUP BY i.asset_id, s.status, s.os_link;

-- An asset moving to another OS takes its installs' counts with it.
CREATE FUNCTION assets_count_os() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE os_item_counts SET items = items - (SELECT count(*) FROM installs i JOIN software s ON s.id = i.software_id
      WHERE i.asset_id = NEW.id AND s.status = os_item_counts.status AND s.os_link = os_item_counts.os_link)
    WHERE os_id = OLD.os_id;
  INSERT INTO os_item_counts (os_id, status, os_link, items)
    SELECT NEW.os_id, s.status, s.os_link, count(*) FROM installs i JOIN software s ON s.id = i.software_id WHERE i.asset_id = NEW.id GROUP BY s.status, s.os_link
    ON CONFLICT (os_id, status, os_link) DO UPDATE SET items = os_item_counts.items + excluded.items;
  RETURN NULL;
END;
$$;
CREATE TRIGGER assets_count_os AFTER UPDATE OF os_id ON assets
  FOR EACH ROW WHEN (OLD.os_id <> NEW.os_id) EXECUTE FUNCTION assets_count_os();

-- A new verdict on a software version moves its installs' counts to the new status.
CREATE FUNCTION software_count_verdict() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE os_item_counts SET items = items - (SELECT count(*) FROM installs i JOIN assets a ON a.id = i.asset_id
      WHERE i.software_id = NEW.id AND a.os_id = os_item_counts.os_id)
    WHERE status = OLD.status AND os_link = OLD.os_link;
  INSERT INTO os_item_counts (os_id, status, os_link, items)
    SELECT a.os_id, NEW.status, NEW.os_link, count(*) FROM installs i JOIN assets a ON a.id = i.asset_id WHERE i.software_id = NEW.id GROUP BY a.os_id
    ON CONFLICT (os_id, status, os_link) DO UPDATE SET items = os_item_counts.items + excluded.items;
  UPDATE asset_item_counts SET items = items - 1
    WHERE status = OLD.status AND os_link = OLD.os_link AND asset_id IN (SELECT asset_id FROM installs WHERE software_id = NEW.id);
  INSERT INTO asset_item_counts (asset_id, status, os_link, items)
    SELECT asset_id, NEW.status, NEW.os_link, 1 FROM installs WHERE software_id = NEW.id
    ON CONFLICT (asset_id, status, os_link) DO UPDATE SET items = asset_item_counts.items + 1;
  RETURN NULL;
END;
$$;
CREATE TRIGGER software_count_verdict AFTER UPDATE OF status, os_link ON software
  FOR EACH ROW WHEN (OLD.status <> NEW.status OR OLD.os_link <> NEW.os_link) EXECUTE FUNCTION software_count_verdict();
