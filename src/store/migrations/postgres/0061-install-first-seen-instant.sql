-- PostgreSQL only; ../0061-install-first-seen-instant.sql is empty. Issue 24.
--
-- When each install was first seen was text, an ISO 8601 time of 25 bytes in
-- each of the 300 rows a machine has; as timestamptz it is 8. Where the
-- install date is unknown (dpkg, rpm and most of a Mac's programs name none)
-- a row is then 40 bytes, not 64: at 5,000 assets the database 61.0 → 52.0
-- KB per asset in the bench's compare. The hub writes the instant in UTC with milliseconds
-- (store/installs.ts) and reads it back as that same text
-- (postgres/sync-client.ts), so both stores give the same answer. The table
-- is rewritten once: at 100,000 assets (30 million installs) expect a few
-- minutes, with ingest waiting on it.
-- A time without an offset (none the hub wrote) is read as UTC, not as the server's time zone.
SET LOCAL TimeZone = 'UTC';
ALTER TABLE installs ALTER COLUMN first_seen_at TYPE timestamptz USING CAST(first_seen_at AS timestamptz);
