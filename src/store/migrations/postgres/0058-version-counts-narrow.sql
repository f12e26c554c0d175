-- PostgreSQL only; ../0058-version-counts-narrow.sql is empty. Issue 24.
--
-- The kept counts per version (0011, 0020, 0040, 0047) have a row for each
-- version, and for each version in each trust and on each OS: 250,000 rows at
-- 5,000 assets. Every column is an id or a count, 8 bytes each as bigint,
-- where SQLite stores them in a byte or three; and each commit that moves a
-- count writes a new copy of its row and a new entry in each of its indexes,
-- so these tables carry their dead copies until vacuumed. As integer (ids and
-- counts to 2,147,483,647: no trust holds that many installs of a version) a
-- row and an index entry take 4 bytes a column. The tables are rewritten once.
ALTER TABLE software_installs ALTER COLUMN software_id TYPE integer, ALTER COLUMN installs TYPE integer;
ALTER TABLE software_os_counts ALTER COLUMN software_id TYPE integer, ALTER COLUMN os_id TYPE integer, ALTER COLUMN installs TYPE integer;
ALTER TABLE software_trust_installs ALTER COLUMN organisation_id TYPE integer, ALTER COLUMN software_id TYPE integer, ALTER COLUMN installs TYPE integer;
ALTER TABLE software_trust_counts ALTER COLUMN organisation_id TYPE integer, ALTER COLUMN software_id TYPE integer, ALTER COLUMN os_id TYPE integer,
  ALTER COLUMN installs TYPE integer;
