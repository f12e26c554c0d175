-- The parts of an asset's latest report its agent could not read (host facts,
-- devices): JSON [{part, message}], NULL when the report was complete. The hub
-- keeps what it held for those parts and the asset page says so.
ALTER TABLE assets ADD COLUMN collection_warnings TEXT;
