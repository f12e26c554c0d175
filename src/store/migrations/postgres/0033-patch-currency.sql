-- Issue 22 (point 4): patch currency beside each verdict, never changing it:
-- 'current' (at the newest version the data knows for the cycle) or 'behind'
-- (a newer one is out); NULL state = cannot tell. newest/newest_date: that
-- version and its day; since: the first day the machine could have patched;
-- installed/installed_date: Windows, the cumulative update installed (KB, day).
-- See src/lifecycle/judge-patch.ts and docs/lifecycle-data.md.
ALTER TABLE os_versions ADD COLUMN patch_state text CHECK (patch_state IN ('current', 'behind'));
ALTER TABLE os_versions ADD COLUMN patch_newest text;
ALTER TABLE os_versions ADD COLUMN patch_newest_date text;
ALTER TABLE os_versions ADD COLUMN patch_since text;
ALTER TABLE os_versions ADD COLUMN patch_installed text;
ALTER TABLE os_versions ADD COLUMN patch_installed_date text;
ALTER TABLE software ADD COLUMN patch_state text CHECK (patch_state IN ('current', 'behind'));
ALTER TABLE software ADD COLUMN patch_newest text;
ALTER TABLE software ADD COLUMN patch_newest_date text;
ALTER TABLE software ADD COLUMN patch_since text;
ALTER TABLE software ADD COLUMN patch_installed text;
ALTER TABLE software ADD COLUMN patch_installed_date text;

-- The OS's patch currency on each machine: a distinct OS is judged without the
-- build the machine reports, and a Windows build's update revision says which
-- cumulative update it has (lifecycle/os-patch-on-asset.ts). Kept per machine,
-- written at ingest and by re-evaluation once per distinct OS and build.
ALTER TABLE assets ADD COLUMN os_patch_state text CHECK (os_patch_state IN ('current', 'behind'));
ALTER TABLE assets ADD COLUMN os_patch_newest text;
ALTER TABLE assets ADD COLUMN os_patch_newest_date text;
ALTER TABLE assets ADD COLUMN os_patch_since text;
ALTER TABLE assets ADD COLUMN os_patch_installed text;
ALTER TABLE assets ADD COLUMN os_patch_installed_date text;
-- Re-evaluation rewrites one distinct OS and build at a time.
CREATE INDEX assets_os_build ON assets (os_id, os_build);
-- The summary counts machines by OS patch state off this index alone, and the
-- os-behind alert condition reads the machines behind since before a day.
CREATE INDEX assets_os_patch ON assets (os_patch_state, os_patch_since, os_id);
-- Behind software, for "assets with an item behind" without reading every install.
CREATE INDEX software_patch_behind ON software (patch_state, os_link);

-- Verdicts stored before this have no patch currency: judge everything again at start.
DELETE FROM hub_state WHERE key = 'verdicts-basis';
