-- PostgreSQL form of ../0040-software-per-trust-installs.sql (see README.md here for the mapping).

-- Issue 24: a trust's software list, unmatched list and summary read its rows
-- of software_trust_counts (0020), one per version and OS: 63,000 for a trust
-- of 2,000 assets. A standalone version (os_link 'none') has its own status
-- on every OS, so it needs one count per trust, as software.installs is the
-- whole hub's; only a version tied to its OS is counted per OS, as
-- software_os_counts (0011) does for the whole hub. A trust's pages then read
-- a row per version it carries (24,000 and 11,000 for that trust) and need
-- no grouping for the standalone ones.

-- How many of the trust's assets carry each version. Kept exact by
-- store/installs.ts changeInstalls; an asset's trust never changes.
CREATE TABLE software_trust_installs (
  organisation_id bigint NOT NULL,
  software_id bigint NOT NULL REFERENCES software(id),
  installs bigint NOT NULL,
  PRIMARY KEY (organisation_id, software_id)
);

-- From the per-OS counts, every version being counted there so far: a tenth of the installs' rows.
INSERT INTO software_trust_installs (organisation_id, software_id, installs)
  SELECT organisation_id, software_id, sum(installs) FROM software_trust_counts GROUP BY organisation_id, software_id HAVING sum(installs) > 0;

-- Per trust and OS, only the versions tied to their OS from now on.
DELETE FROM software_trust_counts WHERE software_id IN (SELECT id FROM software WHERE os_link = 'none');

-- An asset moving to another OS takes its OS-tied installs' counts with it.
CREATE OR REPLACE FUNCTION assets_count_software_trust() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE software_trust_counts SET installs = installs - 1
    WHERE organisation_id = NEW.organisation_id AND os_id = OLD.os_id
      AND software_id IN (SELECT i.software_id FROM installs i JOIN software s ON s.id = i.software_id WHERE i.asset_id = NEW.id AND s.os_link <> 'none');
  INSERT INTO software_trust_counts (organisation_id, software_id, os_id, installs)
    SELECT NEW.organisation_id, i.software_id, NEW.os_id, 1 FROM installs i JOIN software s ON s.id = i.software_id WHERE i.asset_id = NEW.id AND s.os_link <> 'none'
    ON CONFLICT (organisation_id, software_id, os_id) DO UPDATE SET installs = software_trust_counts.installs + 1;
  RETURN NULL;
END;
$$;

-- A version that becomes tied to its OS (or stops being) gains (or loses) its per-trust, per-OS counts.
CREATE FUNCTION software_count_trust_os_link() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM software_trust_counts WHERE software_id = NEW.id;
  INSERT INTO software_trust_counts (organisation_id, software_id, os_id, installs)
    SELECT a.organisation_id, NEW.id, a.os_id, count(*) FROM installs i JOIN assets a ON a.id = i.asset_id
    WHERE i.software_id = NEW.id AND NEW.os_link <> 'none' GROUP BY a.organisation_id, a.os_id;
  RETURN NULL;
END;
$$;
CREATE TRIGGER software_count_trust_os_link AFTER UPDATE OF os_link ON software
  FOR EACH ROW WHEN (OLD.os_link <> NEW.os_link) EXECUTE FUNCTION software_count_trust_os_link();
