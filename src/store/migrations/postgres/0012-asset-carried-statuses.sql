-- PostgreSQL form of ../0012-asset-carried-statuses.sql (see README.md here for the mapping).

-- Which effective statuses each asset carries, on its OS or any installed item,
-- as a bit mask on the asset (assets.carries): 1 supported, 2 ending-soon,
-- 4 extended-support, 8 unsupported, 16 unknown. The summary's "assets carrying
-- an unsupported / unknown item" and the asset list's "any item with status"
-- filter read one index of 100,000 small integers instead of merging the item
-- counts of every asset with their OS (126 ms and 236 ms at 100,000 assets).
--
-- The mask is kept by triggers on everything it is made of: the asset's item
-- counts (asset_item_counts, migration 0008, which store/installs.ts and the
-- verdict triggers keep), the asset's OS, and its OS's verdict. An item's
-- effective status is the SQL of estate-queries.ts EFFECTIVE_STATUS: a
-- distribution package ('follows') takes the OS's status, an OS component
-- ('capped') the worse of its own and the OS's, anything else its own. The sum
-- of distinct powers of two is their bitwise OR.

ALTER TABLE assets ADD COLUMN carries bigint NOT NULL DEFAULT 0;

-- PostgreSQL 15 needs the derived table named (bits); sum() of integers is a bigint.
CREATE VIEW asset_carried_statuses AS
  SELECT a.id AS asset_id, coalesce((SELECT sum(DISTINCT bit) FROM (
      SELECT CASE o.status WHEN 'supported' THEN 1 WHEN 'ending-soon' THEN 2 WHEN 'extended-support' THEN 4 WHEN 'unsupported' THEN 8 ELSE 16 END AS bit
      UNION ALL
      SELECT CASE (CASE
          WHEN s.os_link = 'follows' THEN o.status
          WHEN s.os_link = 'capped' AND s.status <> 'unknown' AND o.status <> 'unknown'
            AND (CASE o.status WHEN 'unsupported' THEN 0 WHEN 'extended-support' THEN 1 WHEN 'ending-soon' THEN 2 ELSE 3 END)
              < (CASE s.status WHEN 'unsupported' THEN 0 WHEN 'extended-support' THEN 1 WHEN 'ending-soon' THEN 2 ELSE 3 END) THEN o.status
          ELSE s.status END)
        WHEN 'supported' THEN 1 WHEN 'ending-soon' THEN 2 WHEN 'extended-support' THEN 4 WHEN 'unsupported' THEN 8 ELSE 16 END
      FROM asset_item_counts s WHERE s.asset_id = a.id AND s.items > 0) AS bits), 0) AS carries
  FROM assets a JOIN os_versions o ON o.id = a.os_id;

UPDATE assets SET carries = (SELECT c.carries FROM asset_carried_statuses c WHERE c.asset_id = assets.id);

CREATE INDEX assets_carries ON assets (carries);

CREATE FUNCTION assets_carries_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE assets SET carries = (SELECT carries FROM asset_carried_statuses WHERE asset_id = NEW.id) WHERE id = NEW.id;
  RETURN NULL;
END;
$$;
CREATE TRIGGER assets_carries_insert AFTER INSERT ON assets
  FOR EACH ROW EXECUTE FUNCTION assets_carries_insert();

CREATE FUNCTION assets_carries_os() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE assets SET carries = (SELECT carries FROM asset_carried_statuses WHERE asset_id = NEW.id) WHERE id = NEW.id;
  RETURN NULL;
END;
$$;
CREATE TRIGGER assets_carries_os AFTER UPDATE OF os_id ON assets
  FOR EACH ROW WHEN (OLD.os_id <> NEW.os_id) EXECUTE FUNCTION assets_carries_os();

CREATE FUNCTION os_versions_carries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE assets SET carries = (SELECT c.carries FROM asset_carried_statuses c WHERE c.asset_id = assets.id) WHERE os_id = NEW.id;
  RETURN NULL;
END;
$$;
CREATE TRIGGER os_versions_carries AFTER UPDATE OF status ON os_versions
  FOR EACH ROW WHEN (OLD.status <> NEW.status) EXECUTE FUNCTION os_versions_carries();

CREATE FUNCTION asset_item_counts_carries_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE assets SET carries = (SELECT carries FROM asset_carried_statuses WHERE asset_id = NEW.asset_id) WHERE id = NEW.asset_id;
  RETURN NULL;
END;
$$;
CREATE TRIGGER asset_item_counts_carries_insert AFTER INSERT ON asset_item_counts
  FOR EACH ROW EXECUTE FUNCTION asset_item_counts_carries_insert();

CREATE FUNCTION asset_item_counts_carries_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE assets SET carries = (SELECT carries FROM asset_carried_statuses WHERE asset_id = NEW.asset_id) WHERE id = NEW.asset_id;
  RETURN NULL;
END;
$$;
CREATE TRIGGER asset_item_counts_carries_update AFTER UPDATE OF status, os_link, items ON asset_item_counts
  FOR EACH ROW EXECUTE FUNCTION asset_item_counts_carries_update();

CREATE FUNCTION asset_item_counts_carries_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE assets SET carries = (SELECT carries FROM asset_carried_statuses WHERE asset_id = OLD.asset_id) WHERE id = OLD.asset_id;
  RETURN NULL;
END;
$$;
CREATE TRIGGER asset_item_counts_carries_delete AFTER DELETE ON asset_item_counts
  FOR EACH ROW EXECUTE FUNCTION asset_item_counts_carries_delete();

-- Only the count this mask replaces read it (0009).
DROP INDEX asset_item_counts_status;
