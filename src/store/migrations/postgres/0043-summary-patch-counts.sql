-- PostgreSQL form of ../0043-summary-patch-counts.sql: the same statements.
-- Issue 24: the summary's patch panel counts machines per OS and patch state
-- (patch-queries.ts, OS_BY_PATCH). No index held the patch state beside the
-- OS, so every summary read each of the estate's asset rows: 64 of the 96 ms
-- the ICS-wide summary took at 100,000 assets. Each index the summary already
-- reads (the estate's per OS, a trust's per OS) now ends with it.
DROP INDEX assets_os;
CREATE INDEX assets_os ON assets (os_id, os_patch_state);
DROP INDEX assets_organisation_os;
CREATE INDEX assets_organisation_os ON assets (organisation_id, os_id, carries, os_patch_state);
