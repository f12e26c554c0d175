-- Issue 23: cyber alerts the hub has loaded (rules/cyber-alerts/), with their
-- acknowledgement and remediation, and the installs each affects. `definition`
-- is the alert file as checked (JSON), so what a row was judged by can be read
-- back; `cves` is its CVE list (JSON) for the KEV join.
CREATE TABLE cyber_alerts (
  id INTEGER PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  published TEXT NOT NULL,
  severity TEXT NOT NULL,
  cves TEXT NOT NULL,
  definition TEXT NOT NULL,
  added_at TEXT NOT NULL,
  acknowledged_at TEXT,
  acknowledged_by TEXT,
  -- set when every machine it affected has left the list; cleared if one comes back
  remediated_at TEXT
);

-- One row per affected install: `since` when it was found affected,
-- `remediated_at` when it no longer was (upgraded past the fix, or removed).
CREATE TABLE cyber_alert_machines (
  cyber_alert_id INTEGER NOT NULL REFERENCES cyber_alerts(id) ON DELETE CASCADE,
  asset_id INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
  software_id INTEGER NOT NULL REFERENCES software(id),
  why TEXT NOT NULL,
  since TEXT NOT NULL,
  remediated_at TEXT,
  PRIMARY KEY (cyber_alert_id, asset_id, software_id)
);
CREATE INDEX cyber_alert_machines_asset ON cyber_alert_machines (asset_id);
