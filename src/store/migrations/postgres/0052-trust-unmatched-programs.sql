-- PostgreSQL only; ../0052-trust-unmatched-programs.sql is empty. Issue 24.
--
-- The unmatched queue lists the programs no title recognises, by how many
-- installs each has in the trust (or the hub), most first. It summed the
-- trust's count of every unjudged version it carries by program and sorted the
-- programs to show fifty: 27,015 versions into 1,747 programs for the largest
-- trust at 20,000 assets (about 110 ms; 96/140 ms at 100,000). The sums are
-- kept here, per trust and program (name, vendor and source), of the installs
-- of versions that are unknown because no title recognises them (status
-- 'unknown', reason 'unrecognised' or none yet) and stand on their own
-- verdict (os_link not 'follows'), and indexed in the queue's order: a page
-- reads its own rows (store/unmatched-programs.ts).
--
-- Kept exact by settle_version_counts (redefined below, as 0050's with the
-- programs' sums added), the only writer of software_trust_installs outside
-- migrations, and by a trigger on `software` that moves a version's installs
-- in or out of its program's sum when it becomes, or stops being, unmatched.
CREATE TABLE trust_unmatched_programs (
  organisation_id bigint NOT NULL,
  name text NOT NULL,
  vendor text NOT NULL,
  source text NOT NULL,
  installs bigint NOT NULL,
  PRIMARY KEY (organisation_id, name, vendor, source)
);
CREATE INDEX trust_unmatched_programs_order ON trust_unmatched_programs (organisation_id, installs DESC, name, vendor, source);

INSERT INTO trust_unmatched_programs (organisation_id, name, vendor, source, installs)
  SELECT c.organisation_id, s.name, s.vendor, s.source, sum(c.installs)
  FROM software_trust_installs c JOIN software s ON s.id = c.software_id
  WHERE s.os_link <> 'follows' AND s.status = 'unknown' AND (s.unknown_reason = 'unrecognised' OR s.unknown_reason IS NULL)
  GROUP BY 1, 2, 3, 4 HAVING sum(c.installs) <> 0;

-- As 0050, with the changes to unmatched versions summed into their program's sum in their trust.
CREATE OR REPLACE FUNCTION settle_version_counts() RETURNS void LANGUAGE sql SET jit = off AS $$
  WITH changes AS (DELETE FROM version_count_changes RETURNING software_ids, os_id, organisation_id, delta),
  summed AS (
    SELECT CAST(v.id AS bigint) AS software_id, c.os_id, c.organisation_id, sum(c.delta) AS delta
    FROM changes c CROSS JOIN LATERAL json_array_elements_text(CAST(c.software_ids AS json)) AS v(id)
    GROUP BY 1, 2, 3 HAVING sum(c.delta) <> 0
  ),
  -- Each version's verdict read by its id (0048: a join hashed the whole catalogue).
  items AS (
    SELECT summed.software_id, s.name, s.vendor, s.source, s.os_link, s.status, s.unknown_reason, s.patch_state, summed.os_id, summed.organisation_id, summed.delta
    FROM summed CROSS JOIN LATERAL (SELECT s.name, s.vendor, s.source, s.os_link, s.status, s.unknown_reason, s.patch_state FROM software s WHERE s.id = summed.software_id OFFSET 0) s
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
  own_verdict AS (
    INSERT INTO trust_verdict_installs (organisation_id, os_link, status, unknown_reason, patch_state, installs)
    SELECT organisation_id, os_link, status, coalesce(unknown_reason, ''), coalesce(patch_state, ''), sum(delta) FROM items
    WHERE os_link <> 'follows' GROUP BY 1, 2, 3, 4, 5 HAVING sum(delta) <> 0
    ON CONFLICT (organisation_id, os_link, status, unknown_reason, patch_state) DO UPDATE SET installs = trust_verdict_installs.installs + excluded.installs
  ),
  unmatched AS (
    INSERT INTO trust_unmatched_programs (organisation_id, name, vendor, source, installs)
    SELECT organisation_id, name, vendor, source, sum(delta) FROM items
    WHERE os_link <> 'follows' AND status = 'unknown' AND (unknown_reason = 'unrecognised' OR unknown_reason IS NULL)
    GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0
    ON CONFLICT (organisation_id, name, vendor, source) DO UPDATE SET installs = trust_unmatched_programs.installs + excluded.installs
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

-- A version that becomes unmatched (re-judged as unknown for want of a title,
-- or set apart from its OS) adds its settled installs in each trust to its
-- program's sum; one that stops being unmatched takes them away. Installs not
-- yet settled go to the sum at the commit, by the version's verdict then.
CREATE FUNCTION software_unmatched_installs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO trust_unmatched_programs (organisation_id, name, vendor, source, installs)
    SELECT c.organisation_id, NEW.name, NEW.vendor, NEW.source,
      CASE WHEN NEW.os_link <> 'follows' AND NEW.status = 'unknown' AND (NEW.unknown_reason = 'unrecognised' OR NEW.unknown_reason IS NULL) THEN c.installs ELSE -c.installs END
    FROM organisations o JOIN software_trust_installs c ON c.organisation_id = o.id AND c.software_id = NEW.id
    WHERE c.installs <> 0
    ON CONFLICT (organisation_id, name, vendor, source) DO UPDATE SET installs = trust_unmatched_programs.installs + excluded.installs;
  RETURN NULL;
END;
$$;
CREATE TRIGGER software_unmatched_installs AFTER UPDATE OF status, unknown_reason, os_link ON software FOR EACH ROW
  WHEN ((OLD.os_link <> 'follows' AND OLD.status = 'unknown' AND (OLD.unknown_reason = 'unrecognised' OR OLD.unknown_reason IS NULL))
    IS DISTINCT FROM (NEW.os_link <> 'follows' AND NEW.status = 'unknown' AND (NEW.unknown_reason = 'unrecognised' OR NEW.unknown_reason IS NULL)))
  EXECUTE FUNCTION software_unmatched_installs();
