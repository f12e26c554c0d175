-- PostgreSQL form of ../0020-software-counts-per-trust.sql (see README.md here for the mapping).

-- Installs counted per trust, software version and OS, so one trust's software
-- and unjudged-program lists read its counts instead of grouping its installs
-- (600 ms for a trust of 1,000 assets; a trust of 10,000 would take seconds).
-- The hub-wide counts (0011: software.installs, software_os_counts) stay for an
-- ICS-wide reader. Kept exact by store/installs.ts changeInstalls, the one path
-- by which installs change, and by the trigger below; an asset's trust never
-- changes. Every version is counted per OS here (not only those tied to their
-- OS) so a trust's list needs no second source.

CREATE TABLE software_trust_counts (
  organisation_id bigint NOT NULL,
  software_id bigint NOT NULL REFERENCES software(id),
  os_id bigint NOT NULL REFERENCES os_versions(id),
  installs bigint NOT NULL,
  PRIMARY KEY (organisation_id, software_id, os_id)
);

INSERT INTO software_trust_counts (organisation_id, software_id, os_id, installs)
  SELECT a.organisation_id, i.software_id, a.os_id, count(*) FROM installs i JOIN assets a ON a.id = i.asset_id
  GROUP BY a.organisation_id, i.software_id, a.os_id;

-- An asset moving to another OS takes its installs' counts with it.
CREATE FUNCTION assets_count_software_trust() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE software_trust_counts SET installs = installs - 1
    WHERE organisation_id = NEW.organisation_id AND os_id = OLD.os_id AND software_id IN (SELECT software_id FROM installs WHERE asset_id = NEW.id);
  INSERT INTO software_trust_counts (organisation_id, software_id, os_id, installs)
    SELECT NEW.organisation_id, software_id, NEW.os_id, 1 FROM installs WHERE asset_id = NEW.id
    ON CONFLICT (organisation_id, software_id, os_id) DO UPDATE SET installs = software_trust_counts.installs + 1;
  RETURN NULL;
END;
$$;
CREATE TRIGGER assets_count_software_trust AFTER UPDATE OF os_id ON assets
  FOR EACH ROW WHEN (OLD.os_id <> NEW.os_id) EXECUTE FUNCTION assets_count_software_trust();
