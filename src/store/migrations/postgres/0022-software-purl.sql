-- A software version's Package URL where its source gave one (CycloneDX SBOMs),
-- so rules can match the exact identifier when it is re-judged. Not part of the
-- version's identity (name, version, vendor, source): the first purl seen stays.
ALTER TABLE software ADD COLUMN purl TEXT NOT NULL DEFAULT '';
