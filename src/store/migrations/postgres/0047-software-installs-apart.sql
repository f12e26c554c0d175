-- PostgreSQL form of ../0047-software-installs-apart.sql (see README.md here for the mapping).

-- Issue 24: the hub-wide count of assets carrying each version (0011) lived on
-- the version's own row, beside its name, vendor and lifecycle reason. A new
-- host's report moved the count of each of its 300 versions: 300 wide rows
-- rewritten to change one integer, each settled commit (0045) leaving a dead
-- copy of every such row until autovacuum, and the pages that read `software`
-- whole (a trust's software list and summary) read those copies too (130-145
-- ms right after a load, 47-65 ms once vacuumed; `software` was 2.5x SQLite's
-- size per asset). The count now has a narrow table of its own, shaped as a
-- trust's (software_trust_installs, 0040): one row per version carried.

-- How many assets carry each version. Kept exact by store/installs.ts changeInstalls and settle_version_counts().
CREATE TABLE software_installs (
  software_id bigint PRIMARY KEY REFERENCES software(id),
  installs bigint NOT NULL
);

INSERT INTO software_installs (software_id, installs) SELECT id, installs FROM software WHERE installs <> 0;

ALTER TABLE software DROP COLUMN installs;

-- 0045's settling, with the hub-wide count moved in its new table.
CREATE OR REPLACE FUNCTION settle_version_counts() RETURNS void LANGUAGE sql SET jit = off AS $$
  WITH changes AS (DELETE FROM version_count_changes RETURNING software_ids, os_id, organisation_id, delta),
  items AS (
    SELECT s.id AS software_id, s.os_link, c.os_id, c.organisation_id, sum(c.delta) AS delta
    FROM changes c CROSS JOIN LATERAL json_array_elements_text(CAST(c.software_ids AS json)) AS v(id) JOIN software s ON s.id = CAST(v.id AS bigint)
    GROUP BY s.id, s.os_link, c.os_id, c.organisation_id HAVING sum(c.delta) <> 0
  ),
  versions AS (
    INSERT INTO software_installs (software_id, installs)
    SELECT software_id, sum(delta) FROM items GROUP BY software_id HAVING sum(delta) <> 0
    ON CONFLICT (software_id) DO UPDATE SET installs = software_installs.installs + excluded.installs
  ),
  in_trust AS (
    INSERT INTO software_trust_installs (organisation_id, software_id, installs)
    SELECT organisation_id, software_id, sum(delta) FROM items GROUP BY organisation_id, software_id HAVING sum(delta) <> 0
    ON CONFLICT (organisation_id, software_id) DO UPDATE SET installs = software_trust_installs.installs + excluded.installs
  ),
  -- Versions standing alone (os_link 'none') need no count per OS.
  on_os AS (
    INSERT INTO software_os_counts (software_id, os_id, installs)
    SELECT software_id, os_id, sum(delta) FROM items WHERE os_link <> 'none' GROUP BY software_id, os_id HAVING sum(delta) <> 0
    ON CONFLICT (software_id, os_id) DO UPDATE SET installs = software_os_counts.installs + excluded.installs
  )
  INSERT INTO software_trust_counts (organisation_id, software_id, os_id, installs)
  SELECT organisation_id, software_id, os_id, delta FROM items WHERE os_link <> 'none'
  ON CONFLICT (organisation_id, software_id, os_id) DO UPDATE SET installs = software_trust_counts.installs + excluded.installs;
$$;
