-- Why a verdict is unknown (src/lifecycle/verdict.ts UNKNOWN_REASONS): unrecognised,
-- no-published-lifecycle, data-stale, version-unclear; NULL for every other status.
-- Rows stored before this are filled by the next re-evaluation, which forgetting the
-- verdicts' basis forces at the hub's next start.
ALTER TABLE software ADD COLUMN unknown_reason TEXT;
ALTER TABLE os_versions ADD COLUMN unknown_reason TEXT;
DELETE FROM hub_state WHERE key = 'verdicts-basis';
