-- PostgreSQL form of ../0011-software-counts.sql (see README.md here for the mapping).

-- Installs counted per software version, so the software and unmatched pages
-- read one row per version instead of grouping every install (30M at 100,000
-- assets: minutes a page). Kept exact by store/installs.ts changeInstalls, the
-- one path by which installs change, and by the triggers below.

-- How many assets carry the version (an asset holds one install per version).
ALTER TABLE software ADD COLUMN installs bigint NOT NULL DEFAULT 0;
UPDATE software SET installs = (SELECT count(*) FROM installs i WHERE i.software_id = software.id);

-- A version tied to its OS ('follows' or 'capped') takes its status on an asset
-- from that asset's OS, so it is also counted per OS.
CREATE TABLE software_os_counts (
  software_id bigint NOT NULL REFERENCES software(id),
  os_id bigint NOT NULL REFERENCES os_versions(id),
  installs bigint NOT NULL,
  PRIMARY KEY (software_id, os_id)
);

INSERT INTO software_os_counts (software_id, os_id, installs)
  SELECT i.software_id, a.os_id, count(*) FROM installs i JOIN software s ON s.id = i.software_id JOIN assets a ON a.id = i.asset_id
  WHERE s.os_link <> 'none' GROUP BY i.software_id, a.os_id;

-- An asset moving to another OS takes its OS-tied installs' counts with it.
CREATE FUNCTION assets_count_software_os() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE software_os_counts SET installs = installs - 1
    WHERE os_id = OLD.os_id AND software_id IN (SELECT i.software_id FROM installs i JOIN software s ON s.id = i.software_id WHERE i.asset_id = NEW.id AND s.os_link <> 'none');
  INSERT INTO software_os_counts (software_id, os_id, installs)
    SELECT i.software_id, NEW.os_id, 1 FROM installs i JOIN software s ON s.id = i.software_id WHERE i.asset_id = NEW.id AND s.os_link <> 'none'
    ON CONFLICT (software_id, os_id) DO UPDATE SET installs = software_os_counts.installs + 1;
  RETURN NULL;
END;
$$;
CREATE TRIGGER assets_count_software_os AFTER UPDATE OF os_id ON assets
  FOR EACH ROW WHEN (OLD.os_id <> NEW.os_id) EXECUTE FUNCTION assets_count_software_os();

-- A version that becomes tied to its OS (or stops being) gains (or loses) its per-OS counts.
CREATE FUNCTION software_count_os_link() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM software_os_counts WHERE software_id = NEW.id;
  INSERT INTO software_os_counts (software_id, os_id, installs)
    SELECT NEW.id, a.os_id, count(*) FROM installs i JOIN assets a ON a.id = i.asset_id WHERE i.software_id = NEW.id AND NEW.os_link <> 'none' GROUP BY a.os_id;
  RETURN NULL;
END;
$$;
CREATE TRIGGER software_count_os_link AFTER UPDATE OF os_link ON software
  FOR EACH ROW WHEN (OLD.os_link <> NEW.os_link) EXECUTE FUNCTION software_count_os_link();
