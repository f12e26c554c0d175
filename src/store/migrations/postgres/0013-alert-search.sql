-- PostgreSQL form of ../0013-alert-search.sql (see README.md here for the mapping
-- and for how a search reads this table).

-- Searching alerts by part of their title or their asset's hostname
-- (alert-queries.ts, the `q` filter). A LIKE over every alert read all
-- 2.3 million of them at 100,000 assets (8.5 s). alert_search indexes each
-- alert's title and hostname by trigram, so a substring of three or more
-- characters is found from the index, with the alert's severity, status and
-- rule as words in `facets` so the list's usual filters are part of the same
-- search. Kept by the triggers below from alert_search_documents, the one
-- definition of what is indexed.
--
-- PostgreSQL has no FTS5: alert_search is a plain table (rowid = the alert's
-- id, as in SQLite) with a GIN trigram index (pg_trgm) on each column, which
-- serves ILIKE '%…%' from the index. Unlike SQLite's contentless table it holds
-- the text itself: a trigram index can only be built over a stored column.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- chr(10): SQLite's char(10), a newline between title and hostname.
CREATE VIEW alert_search_documents AS
  SELECT a.id, a.title || chr(10) || coalesce(s.hostname, '') AS text, ' ' || a.severity || ' ' || a.status || ' ' || a.rule_id || ' ' AS facets
  FROM alerts a LEFT JOIN assets s ON s.id = a.asset_id;

CREATE TABLE alert_search (
  rowid bigint PRIMARY KEY,
  text text NOT NULL,
  facets text NOT NULL
);
CREATE INDEX alert_search_text ON alert_search USING gin (text gin_trgm_ops);
CREATE INDEX alert_search_facets ON alert_search USING gin (facets gin_trgm_ops);

INSERT INTO alert_search (rowid, text, facets) SELECT id, text, facets FROM alert_search_documents;

CREATE FUNCTION alerts_search_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO alert_search (rowid, text, facets) SELECT id, text, facets FROM alert_search_documents WHERE id = NEW.id;
  RETURN NULL;
END;
$$;
CREATE TRIGGER alerts_search_insert AFTER INSERT ON alerts
  FOR EACH ROW EXECUTE FUNCTION alerts_search_insert();

CREATE FUNCTION alerts_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM alert_search WHERE rowid = OLD.id;
  INSERT INTO alert_search (rowid, text, facets) SELECT id, text, facets FROM alert_search_documents WHERE id = NEW.id;
  RETURN NULL;
END;
$$;
-- IS DISTINCT FROM: SQLite's IS NOT (asset_id may be null).
CREATE TRIGGER alerts_search_update AFTER UPDATE OF title, severity, status, rule_id, asset_id ON alerts
  FOR EACH ROW WHEN (OLD.title <> NEW.title OR OLD.severity <> NEW.severity OR OLD.status <> NEW.status OR OLD.rule_id <> NEW.rule_id
    OR OLD.asset_id IS DISTINCT FROM NEW.asset_id)
  EXECUTE FUNCTION alerts_search_update();

CREATE FUNCTION alerts_search_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM alert_search WHERE rowid = OLD.id;
  RETURN NULL;
END;
$$;
CREATE TRIGGER alerts_search_delete AFTER DELETE ON alerts
  FOR EACH ROW EXECUTE FUNCTION alerts_search_delete();

CREATE FUNCTION assets_search_hostname() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM alert_search WHERE rowid IN (SELECT id FROM alerts WHERE asset_id = NEW.id);
  INSERT INTO alert_search (rowid, text, facets) SELECT d.id, d.text, d.facets FROM alerts a JOIN alert_search_documents d ON d.id = a.id WHERE a.asset_id = NEW.id;
  RETURN NULL;
END;
$$;
CREATE TRIGGER assets_search_hostname AFTER UPDATE OF hostname ON assets
  FOR EACH ROW WHEN (OLD.hostname <> NEW.hostname) EXECUTE FUNCTION assets_search_hostname();
