-- PostgreSQL form of ../0009-alert-scale.sql (see README.md here for the mapping).

-- Alert lists and estate counts at ICS scale (issue 8: 100,000 assets carry
-- millions of live alerts). Every read here used to scan: the alert list sorted
-- every live alert by a severity expression, its counts and rule filter grouped
-- the whole table, and "assets carrying an unsupported item" checked each asset.

-- The list's order (most severe first, then oldest) read straight off an index.
-- STORED, not VIRTUAL: PostgreSQL 15 has only stored generated columns (same values, a few bytes a row).
ALTER TABLE alerts ADD COLUMN severity_rank bigint GENERATED ALWAYS AS (
  CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END) STORED;
CREATE INDEX alerts_live_order ON alerts (severity_rank, raised_at, id) WHERE status <> 'resolved';

-- Alerts counted by rule × severity × status, kept exact by the triggers below in
-- the transaction of every change (cascaded deletes included): the severity ×
-- status table, the rule filter and an unsearched list's total read these rows.
CREATE TABLE alert_counts (
  rule_id text NOT NULL,
  severity text NOT NULL,
  status text NOT NULL,
  alerts bigint NOT NULL,
  PRIMARY KEY (rule_id, severity, status)
);

INSERT INTO alert_counts (rule_id, severity, status, alerts) SELECT rule_id, severity, status, count(*) FROM alerts GROUP BY 1, 2, 3;

CREATE FUNCTION alerts_count_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO alert_counts (rule_id, severity, status, alerts) VALUES (NEW.rule_id, NEW.severity, NEW.status, 1)
    ON CONFLICT (rule_id, severity, status) DO UPDATE SET alerts = alert_counts.alerts + 1;
  RETURN NULL;
END;
$$;
CREATE TRIGGER alerts_count_insert AFTER INSERT ON alerts
  FOR EACH ROW EXECUTE FUNCTION alerts_count_insert();

CREATE FUNCTION alerts_count_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE alert_counts SET alerts = alerts - 1 WHERE rule_id = OLD.rule_id AND severity = OLD.severity AND status = OLD.status;
  RETURN NULL;
END;
$$;
CREATE TRIGGER alerts_count_delete AFTER DELETE ON alerts
  FOR EACH ROW EXECUTE FUNCTION alerts_count_delete();

CREATE FUNCTION alerts_count_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE alert_counts SET alerts = alerts - 1 WHERE rule_id = OLD.rule_id AND severity = OLD.severity AND status = OLD.status;
  INSERT INTO alert_counts (rule_id, severity, status, alerts) VALUES (NEW.rule_id, NEW.severity, NEW.status, 1)
    ON CONFLICT (rule_id, severity, status) DO UPDATE SET alerts = alert_counts.alerts + 1;
  RETURN NULL;
END;
$$;
CREATE TRIGGER alerts_count_update AFTER UPDATE OF rule_id, severity, status ON alerts
  FOR EACH ROW WHEN (OLD.rule_id <> NEW.rule_id OR OLD.severity <> NEW.severity OR OLD.status <> NEW.status)
  EXECUTE FUNCTION alerts_count_update();

-- The assets whose items have a given status, read from the index alone (estate-queries.ts ASSETS_CARRYING).
CREATE INDEX asset_item_counts_status ON asset_item_counts (status, asset_id, os_link, items);

-- The latest report, and assets silent since a day (the asset-silent rule), without reading every asset.
CREATE INDEX assets_received ON assets (last_received_at);
