-- Issue 24: searching alerts indexes each distinct title and each hostname
-- once, not each alert. alert_search (0013) indexed every alert's title,
-- hostname and facets by trigram: raising a million alerts over 100,000 assets
-- spent half its time (15 of 31 s) indexing text that thousands of alerts
-- share ("Unsupported software: Java 8 Update 201" on every machine carrying
-- it). A search now finds the titles (alert_title_search) and the hostnames
-- (asset_search) that contain it, and the alerts through alerts_title and
-- alerts_asset; the list's severity, status and rule filters are tested on
-- those alerts' rows.

DROP TRIGGER alerts_search_insert;
DROP TRIGGER alerts_search_update;
DROP TRIGGER alerts_search_delete;
DROP TRIGGER assets_search_hostname;
DROP TABLE alert_search;
DROP VIEW alert_search_documents;

-- Every title an alert has had, once. Kept (never deleted): a resolved alert is searchable too.
-- Added only when new (NOT EXISTS): PostgreSQL would spend an id on each ON CONFLICT, and both stores number titles alike.
CREATE TABLE alert_titles (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL UNIQUE
);
-- In the order the titles first appeared, so both stores number them alike.
INSERT INTO alert_titles (title) SELECT title FROM alerts GROUP BY title ORDER BY min(id);
-- A search's alerts of one severity, found by title or by machine: each index
-- ends with the severity, as the list is read one severity at a time.
CREATE INDEX alerts_title ON alerts (title, severity_rank);
DROP INDEX alerts_asset;
CREATE INDEX alerts_asset ON alerts (asset_id, severity_rank);

CREATE VIRTUAL TABLE alert_title_search USING fts5(title, tokenize = 'trigram', content = '');
INSERT INTO alert_title_search (rowid, title) SELECT id, title FROM alert_titles;

CREATE VIRTUAL TABLE asset_search USING fts5(hostname, tokenize = 'trigram', content = '', contentless_delete = 1);
INSERT INTO asset_search (rowid, hostname) SELECT id, hostname FROM assets;

CREATE TRIGGER alerts_title_insert AFTER INSERT ON alerts BEGIN
  INSERT INTO alert_titles (title) SELECT NEW.title WHERE NOT EXISTS (SELECT 1 FROM alert_titles WHERE title = NEW.title) ON CONFLICT (title) DO NOTHING;
END;

CREATE TRIGGER alerts_title_update AFTER UPDATE OF title ON alerts WHEN OLD.title <> NEW.title BEGIN
  INSERT INTO alert_titles (title) SELECT NEW.title WHERE NOT EXISTS (SELECT 1 FROM alert_titles WHERE title = NEW.title) ON CONFLICT (title) DO NOTHING;
END;

CREATE TRIGGER alert_titles_search AFTER INSERT ON alert_titles BEGIN
  INSERT INTO alert_title_search (rowid, title) VALUES (NEW.id, NEW.title);
END;

CREATE TRIGGER assets_search_insert AFTER INSERT ON assets BEGIN
  INSERT INTO asset_search (rowid, hostname) VALUES (NEW.id, NEW.hostname);
END;

CREATE TRIGGER assets_search_hostname AFTER UPDATE OF hostname ON assets WHEN OLD.hostname <> NEW.hostname BEGIN
  DELETE FROM asset_search WHERE rowid = OLD.id;
  INSERT INTO asset_search (rowid, hostname) VALUES (NEW.id, NEW.hostname);
END;

CREATE TRIGGER assets_search_delete AFTER DELETE ON assets BEGIN
  DELETE FROM asset_search WHERE rowid = OLD.id;
END;
