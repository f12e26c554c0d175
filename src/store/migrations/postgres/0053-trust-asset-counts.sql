-- PostgreSQL only; ../0053-trust-asset-counts.sql is empty. Issue 24.
--
-- The summary counts a trust's machines (or the hub's) four ways: in all, by
-- their OS's status, by the OS's patch state, and by the statuses they carry
-- (assets.carries). Each read every machine of the trust: SQLite from the
-- covering index assets_organisation_os (0043), PostgreSQL from the machine
-- rows themselves, as every report's update of a machine takes its page out
-- of the visibility map an index-only read needs (the largest trust at 20,000
-- assets: 10.8 ms for one count off the rows, 1.0 ms once vacuumed; at 100,000
-- its summary took 119/151 ms and the hub's 263/332 ms). The machines are
-- counted here instead, per trust, OS, patch state ('' for none) and carried
-- statuses: a few hundred rows a trust.
--
-- Kept exact by triggers on assets: a machine added or deleted, and a change
-- to its trust, OS, OS patch state or carried statuses (the last kept by
-- 0012's and 0049's triggers, whose updates of assets.carries fire these).
CREATE TABLE trust_asset_counts (
  organisation_id bigint NOT NULL,
  os_id bigint NOT NULL,
  os_patch_state text NOT NULL,
  carries bigint NOT NULL,
  assets bigint NOT NULL,
  PRIMARY KEY (organisation_id, os_id, os_patch_state, carries)
);

INSERT INTO trust_asset_counts (organisation_id, os_id, os_patch_state, carries, assets)
  SELECT organisation_id, os_id, coalesce(os_patch_state, ''), carries, count(*) FROM assets GROUP BY 1, 2, 3, 4;

CREATE FUNCTION add_trust_assets(org bigint, os bigint, patch text, carried bigint, delta bigint) RETURNS void LANGUAGE sql AS $$
  INSERT INTO trust_asset_counts (organisation_id, os_id, os_patch_state, carries, assets) VALUES (org, os, coalesce(patch, ''), carried, delta)
  ON CONFLICT (organisation_id, os_id, os_patch_state, carries) DO UPDATE SET assets = trust_asset_counts.assets + excluded.assets;
$$;

-- The machine leaves the count it was in and joins the one it is now in.
CREATE FUNCTION assets_trust_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM add_trust_assets(OLD.organisation_id, OLD.os_id, OLD.os_patch_state, OLD.carries, -1); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM add_trust_assets(NEW.organisation_id, NEW.os_id, NEW.os_patch_state, NEW.carries, 1); END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER assets_trust_counts_insert AFTER INSERT ON assets FOR EACH ROW EXECUTE FUNCTION assets_trust_counts();
CREATE TRIGGER assets_trust_counts_update AFTER UPDATE OF organisation_id, os_id, os_patch_state, carries ON assets FOR EACH ROW
  WHEN (OLD.organisation_id <> NEW.organisation_id OR OLD.os_id <> NEW.os_id OR OLD.os_patch_state IS DISTINCT FROM NEW.os_patch_state OR OLD.carries <> NEW.carries)
  EXECUTE FUNCTION assets_trust_counts();
CREATE TRIGGER assets_trust_counts_delete AFTER DELETE ON assets FOR EACH ROW EXECUTE FUNCTION assets_trust_counts();
