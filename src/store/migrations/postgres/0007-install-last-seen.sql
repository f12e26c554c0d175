-- PostgreSQL form of ../0007-install-last-seen.sql (see README.md here for the mapping).

-- A current install is seen whenever its asset is: installs.last_seen_at only
-- repeated assets.last_seen_at, and cost an UPDATE of every install on every
-- unchanged report (~300 rows a report). Pages read the asset's instead.
ALTER TABLE installs DROP COLUMN last_seen_at;
