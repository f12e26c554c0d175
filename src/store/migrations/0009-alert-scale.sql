-- Alert lists and estate counts at ICS scale (issue 8: 100,000 assets carry
-- millions of live alerts). Every read here used to scan: the alert list sorted
-- every live alert by a severity expression, its counts and rule filter grouped
-- the whole table, and "assets carrying an unsupported item" checked each asset.

-- The list's order (most severe first, then oldest) read straight off an index.
ALTER TABLE alerts ADD COLUMN severity_rank INTEGER GENERATED ALWAYS AS (
  CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END) VIRTUAL;
CREATE INDEX alerts_live_order ON alerts (severity_rank, raised_at, id) WHERE status <> 'resolved';

-- Alerts counted by rule × severity × status, kept exact by the triggers below in
-- the transaction of every change (cascaded deletes included): the severity ×
-- status table, the rule filter and an unsearched list's total read these rows.
CREATE TABLE alert_counts (
  rule_id TEXT NOT NULL,
  severity TEXT NOT NULL,
  status TEXT NOT NULL,
  alerts INTEGER NOT NULL,
  PRIMARY KEY (rule_id, severity, status)
) WITHOUT ROWID;

INSERT INTO alert_counts (rule_id, severity, status, alerts) SELECT rule_id, severity, status, count(*) FROM alerts GROUP BY 1, 2, 3;

CREATE TRIGGER alerts_count_insert AFTER INSERT ON alerts BEGIN
  INSERT INTO alert_counts (rule_id, severity, status, alerts) VALUES (NEW.rule_id, NEW.severity, NEW.status, 1)
    ON CONFLICT (rule_id, severity, status) DO UPDATE SET alerts = alerts + 1;
END;

CREATE TRIGGER alerts_count_delete AFTER DELETE ON alerts BEGIN
  UPDATE alert_counts SET alerts = alerts - 1 WHERE rule_id = OLD.rule_id AND severity = OLD.severity AND status = OLD.status;
END;

CREATE TRIGGER alerts_count_update AFTER UPDATE OF rule_id, severity, status ON alerts
  WHEN OLD.rule_id <> NEW.rule_id OR OLD.severity <> NEW.severity OR OLD.status <> NEW.status BEGIN
  UPDATE alert_counts SET alerts = alerts - 1 WHERE rule_id = OLD.rule_id AND severity = OLD.severity AND status = OLD.status;
  INSERT INTO alert_counts (rule_id, severity, status, alerts) VALUES (NEW.rule_id, NEW.severity, NEW.status, 1)
    ON CONFLICT (rule_id, severity, status) DO UPDATE SET alerts = alerts + 1;
END;

-- The assets whose items have a given status, read from the index alone (estate-queries.ts ASSETS_CARRYING).
CREATE INDEX asset_item_counts_status ON asset_item_counts (status, asset_id, os_link, items);

-- The latest report, and assets silent since a day (the asset-silent rule), without reading every asset.
CREATE INDEX assets_received ON assets (last_received_at);
