-- PostgreSQL only; ../0051-version-list-order.sql is empty. Issue 24.
--
-- The software list is ordered by how many machines carry each version, most
-- first. A trust's list joined every version it carries to its description
-- and sorted them all to show fifty (47,662 rows for the largest trust at
-- 20,000 assets: 114-208 ms, growing with the estate). With the counts
-- indexed in that order, the list's first pages are read from the versions
-- carried at least as often as the page's last one (store/leading-versions.ts):
-- a few dozen rows. The count is not in a primary key, so each report's moves
-- of it are no longer HOT updates: bulk loads of 1,500 hosts with and without
-- the index measured 32 and 32 against 32 and 26 reports/s (no difference
-- within the noise).
CREATE INDEX software_trust_installs_order ON software_trust_installs (organisation_id, installs DESC);
CREATE INDEX software_installs_order ON software_installs (installs DESC);
