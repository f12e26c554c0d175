-- PostgreSQL only; ../0045-version-counts-per-transaction.sql is empty (SQLite
-- updates a row in place). Issue 24.
--
-- Each report moved the version counts (software.installs, software_os_counts,
-- software_trust_installs, software_trust_counts) of every version it added or
-- removed, in four statements. PostgreSQL writes a new copy of a row at each
-- update, and cannot drop the old ones before the transaction ends: reports
-- committed together (store/group-commit.ts, up to 32) or a bulk load (100 a
-- transaction) updated a version every machine carries once per report, and
-- each update walked the longer chain of copies before it. At 300 assets the
-- four statements were 42 % of a bulk load, and the copies left behind made
-- `software` 21 MB for 3 MB of rows, slowing every page that reads it.
--
-- Now a report records its changes as one row here (store/installs.ts), and
-- they are settled together, one update per count, at the commit (a deferred
-- trigger), or earlier where something reads the counts within the
-- transaction: before an asset moves to another OS (its installs' counts move
-- with it, 0011/0020) and before a version's tie to its OS changes (its per-OS
-- counts are rebuilt, 0011/0040; the store settles first). Rows live only inside a transaction: the
-- table is unlogged, and empty after every commit. A savepoint rolled back
-- takes its rows with it. Counts read within a transaction that changed
-- installs, other than by those triggers, are not yet settled.
CREATE UNLOGGED TABLE version_count_changes (
  -- a JSON array of software ids
  software_ids text NOT NULL,
  os_id bigint NOT NULL,
  organisation_id bigint NOT NULL,
  delta integer NOT NULL CHECK (delta IN (-1, 1))
);

-- One statement: each count is updated once, from the changes summed per version, OS and trust.
-- Without JIT: the planner cannot know how few rows it will read, and compiling took longer than settling (20 ms).
CREATE FUNCTION settle_version_counts() RETURNS void LANGUAGE sql SET jit = off AS $$
  WITH changes AS (DELETE FROM version_count_changes RETURNING software_ids, os_id, organisation_id, delta),
  items AS (
    SELECT s.id AS software_id, s.os_link, c.os_id, c.organisation_id, sum(c.delta) AS delta
    FROM changes c CROSS JOIN LATERAL json_array_elements_text(CAST(c.software_ids AS json)) AS v(id) JOIN software s ON s.id = CAST(v.id AS bigint)
    GROUP BY s.id, s.os_link, c.os_id, c.organisation_id HAVING sum(c.delta) <> 0
  ),
  versions AS (
    UPDATE software s SET installs = s.installs + d.delta
    FROM (SELECT software_id, sum(delta) AS delta FROM items GROUP BY software_id) d WHERE s.id = d.software_id AND d.delta <> 0
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

-- Settles first whatever the transaction has recorded; returns the row as it came (a BEFORE trigger keeps it, an AFTER one is not heard).
CREATE FUNCTION settle_version_counts_now() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT FROM version_count_changes) THEN PERFORM settle_version_counts(); END IF;
  RETURN NEW;
END;
$$;

-- At the commit: once for each report's row; the first settles them all, the rest find nothing to do.
CREATE CONSTRAINT TRIGGER version_count_changes_settle AFTER INSERT ON version_count_changes
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION settle_version_counts_now();

-- Before the trigger that moves an asset's counts to its new OS (0011, 0020), so that it moves settled counts.
-- (It settles nothing of the asset's own row, which a BEFORE trigger may not do.)
CREATE TRIGGER assets_settle_version_counts BEFORE UPDATE OF os_id ON assets
  FOR EACH ROW WHEN (OLD.os_id <> NEW.os_id) EXECUTE FUNCTION settle_version_counts_now();
-- A version's tie to its OS changes only by store/software.ts updateSoftwareVerdicts, which settles first (0011 and
-- 0040 rebuild its per-OS counts from the installs). A trigger on `software` cannot: settling updates the same rows.
