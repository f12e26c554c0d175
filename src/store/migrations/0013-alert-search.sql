-- Searching alerts by part of their title or their asset's hostname
-- (alert-queries.ts, the `q` filter). A LIKE over every alert read all
-- 2.3 million of them at 100,000 assets (8.5 s). alert_search indexes each
-- alert's title and hostname by trigram, so a substring of three or more
-- characters is found from the index, with the alert's severity, status and
-- rule as words in `facets` so the list's usual filters are part of the same
-- search. Contentless: the text lives only in alerts and assets. Kept by the
-- triggers below from alert_search_documents, the one definition of what is
-- indexed.

CREATE VIEW alert_search_documents AS
  SELECT a.id, a.title || char(10) || coalesce(s.hostname, '') AS text, ' ' || a.severity || ' ' || a.status || ' ' || a.rule_id || ' ' AS facets
  FROM alerts a LEFT JOIN assets s ON s.id = a.asset_id;

CREATE VIRTUAL TABLE alert_search USING fts5(text, facets, tokenize = 'trigram', content = '', contentless_delete = 1);

INSERT INTO alert_search (rowid, text, facets) SELECT id, text, facets FROM alert_search_documents;

CREATE TRIGGER alerts_search_insert AFTER INSERT ON alerts BEGIN
  INSERT INTO alert_search (rowid, text, facets) SELECT id, text, facets FROM alert_search_documents WHERE id = NEW.id;
END;

CREATE TRIGGER alerts_search_update AFTER UPDATE OF title, severity, status, rule_id, asset_id ON alerts
  WHEN OLD.title <> NEW.title OR OLD.severity <> NEW.severity OR OLD.status <> NEW.status OR OLD.rule_id <> NEW.rule_id OR OLD.asset_id IS NOT NEW.asset_id BEGIN
  DELETE FROM alert_search WHERE rowid = OLD.id;
  INSERT INTO alert_search (rowid, text, facets) SELECT id, text, facets FROM alert_search_documents WHERE id = NEW.id;
END;

CREATE TRIGGER alerts_search_delete AFTER DELETE ON alerts BEGIN
  DELETE FROM alert_search WHERE rowid = OLD.id;
END;

CREATE TRIGGER assets_search_hostname AFTER UPDATE OF hostname ON assets WHEN OLD.hostname <> NEW.hostname BEGIN
  DELETE FROM alert_search WHERE rowid IN (SELECT id FROM alerts WHERE asset_id = NEW.id);
  INSERT INTO alert_search (rowid, text, facets) SELECT d.id, d.text, d.facets FROM alerts a JOIN alert_search_documents d ON d.id = a.id WHERE a.asset_id = NEW.id;
END;
