-- PostgreSQL only; ../0050-trust-verdict-installs.sql is empty. Issue 24.
--
-- The summary's unknown installs by reason and its software patch counts summed
-- each trust's count of every version it carries, joined to the version's
-- verdict: O(versions), 163 ms for a trust of 10,000 machines and 253 ms for
-- the whole hub at 100,000 assets (three quarters of the summary's time; SQLite
-- does the same sums within 50 ms). The installs of versions with a verdict of
-- their own (os_link 'none', or 'capped': a part of the OS whose verdict its
-- OS can only make worse, never unknown) are kept here, summed per trust by
-- the verdict that decides where they show (tie, status, unknown reason, patch
-- state; '' for none), so the summary reads a few dozen rows whatever the
-- estate's size. A version that follows its OS shows as its OS does: the
-- summary reads those off trust_item_counts (0046).
--
-- Kept exact by settle_version_counts (redefined below), the only writer of
-- software_trust_installs outside migrations, and by a trigger on `software`
-- that moves a version's installs when its verdict or its tie to its OS changes.
CREATE TABLE trust_verdict_installs (
  organisation_id bigint NOT NULL,
  os_link text NOT NULL,
  status text NOT NULL,
  unknown_reason text NOT NULL,
  patch_state text NOT NULL,
  installs bigint NOT NULL,
  PRIMARY KEY (organisation_id, os_link, status, unknown_reason, patch_state)
);

INSERT INTO trust_verdict_installs (organisation_id, os_link, status, unknown_reason, patch_state, installs)
  SELECT c.organisation_id, s.os_link, s.status, coalesce(s.unknown_reason, ''), coalesce(s.patch_state, ''), sum(c.installs)
  FROM software_trust_installs c JOIN software s ON s.id = c.software_id
  WHERE s.os_link <> 'follows' GROUP BY 1, 2, 3, 4, 5;

-- As 0048, with the changes to versions with a verdict of their own summed into their trust's verdict.
CREATE OR REPLACE FUNCTION settle_version_counts() RETURNS void LANGUAGE sql SET jit = off AS $$
  WITH changes AS (DELETE FROM version_count_changes RETURNING software_ids, os_id, organisation_id, delta),
  summed AS (
    SELECT CAST(v.id AS bigint) AS software_id, c.os_id, c.organisation_id, sum(c.delta) AS delta
    FROM changes c CROSS JOIN LATERAL json_array_elements_text(CAST(c.software_ids AS json)) AS v(id)
    GROUP BY 1, 2, 3 HAVING sum(c.delta) <> 0
  ),
  -- Each version's verdict read by its id (0048: a join hashed the whole catalogue).
  items AS (
    SELECT summed.software_id, s.os_link, s.status, s.unknown_reason, s.patch_state, summed.os_id, summed.organisation_id, summed.delta
    FROM summed CROSS JOIN LATERAL (SELECT s.os_link, s.status, s.unknown_reason, s.patch_state FROM software s WHERE s.id = summed.software_id OFFSET 0) s
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

-- A version re-judged, or tied to its OS or set apart from it, takes its
-- settled installs in each trust from the sum it was in to the one it is now
-- in. Read per trust through `organisations`: software_trust_installs is keyed
-- by trust first. Installs not yet settled go to the new sum at the commit.
CREATE FUNCTION software_verdict_installs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Summed first: the two sums can be one (an unknown reason NULL before and '' after), and an upsert may touch a row once.
  INSERT INTO trust_verdict_installs (organisation_id, os_link, status, unknown_reason, patch_state, installs)
    SELECT c.organisation_id, v.os_link, v.status, coalesce(v.unknown_reason, ''), coalesce(v.patch_state, ''), sum(v.sign * c.installs)
    FROM (VALUES (OLD.os_link, OLD.status, OLD.unknown_reason, OLD.patch_state, -1), (NEW.os_link, NEW.status, NEW.unknown_reason, NEW.patch_state, 1))
      AS v(os_link, status, unknown_reason, patch_state, sign)
    CROSS JOIN organisations o JOIN software_trust_installs c ON c.organisation_id = o.id AND c.software_id = NEW.id
    WHERE v.os_link <> 'follows' AND c.installs <> 0
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(v.sign * c.installs) <> 0
    ON CONFLICT (organisation_id, os_link, status, unknown_reason, patch_state) DO UPDATE SET installs = trust_verdict_installs.installs + excluded.installs;
  RETURN NULL;
END;
$$;
CREATE TRIGGER software_verdict_installs AFTER UPDATE OF status, unknown_reason, patch_state, os_link ON software FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.unknown_reason IS DISTINCT FROM NEW.unknown_reason
    OR OLD.patch_state IS DISTINCT FROM NEW.patch_state OR OLD.os_link IS DISTINCT FROM NEW.os_link)
  EXECUTE FUNCTION software_verdict_installs();
