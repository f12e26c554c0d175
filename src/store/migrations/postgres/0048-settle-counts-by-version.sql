-- PostgreSQL form of ../0048-settle-counts-by-version.sql (see README.md here for the mapping).

-- Issue 24: settling a commit's version counts (0045, 0047) joined the changed
-- versions to `software` to read each one's tie to its OS. The changes sit in an
-- unlogged table the planner has no statistics for, so it planned for thousands
-- of reports and hashed the whole catalogue: at 7,500 versions that was 5 of the
-- 20 ms a new host's commit took, and it grew with the catalogue. The versions
-- are now summed first and each one's tie read by its id (a subquery per
-- version, which the planner cannot turn into a scan). Same counts, same rows.
CREATE OR REPLACE FUNCTION settle_version_counts() RETURNS void LANGUAGE sql SET jit = off AS $$
  WITH changes AS (DELETE FROM version_count_changes RETURNING software_ids, os_id, organisation_id, delta),
  summed AS (
    SELECT CAST(v.id AS bigint) AS software_id, c.os_id, c.organisation_id, sum(c.delta) AS delta
    FROM changes c CROSS JOIN LATERAL json_array_elements_text(CAST(c.software_ids AS json)) AS v(id)
    GROUP BY 1, 2, 3 HAVING sum(c.delta) <> 0
  ),
  items AS (
    SELECT software_id, (SELECT s.os_link FROM software s WHERE s.id = summed.software_id) AS os_link, os_id, organisation_id, delta FROM summed
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
