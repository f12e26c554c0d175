-- Issue 23: each trust's response to a cyber alert. NHS England asks every
-- organisation to acknowledge a High Severity Alert within 48 hours, decide
-- whether it is affected, report remediation until done, and close it; on an
-- ICS hub each trust does so for itself. No row yet = not acknowledged.
CREATE TABLE cyber_alert_responses (
  cyber_alert_id INTEGER NOT NULL REFERENCES cyber_alerts(id) ON DELETE CASCADE,
  organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  acknowledged_at TEXT NOT NULL,
  acknowledged_by TEXT NOT NULL,
  decision TEXT CHECK (decision IN ('affected', 'not-affected')),
  decision_reason TEXT,
  decided_at TEXT,
  decided_by TEXT,
  -- the day the trust expects to finish, from the decision or the latest update
  expected_completion TEXT,
  -- set at each acknowledgement, decision and update from the setting then in force
  next_update_due TEXT,
  closed_at TEXT,
  closed_by TEXT,
  closure_note TEXT,
  PRIMARY KEY (cyber_alert_id, organisation_id)
);

-- The remediation updates a trust records, oldest first.
CREATE TABLE cyber_alert_updates (
  id INTEGER PRIMARY KEY,
  cyber_alert_id INTEGER NOT NULL REFERENCES cyber_alerts(id) ON DELETE CASCADE,
  organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  by_user TEXT NOT NULL,
  note TEXT NOT NULL,
  expected_completion TEXT
);
CREATE INDEX cyber_alert_updates_response ON cyber_alert_updates (cyber_alert_id, organisation_id, at);

-- An acknowledgement made before trusts answered for themselves was the hub's:
-- it stands for every trust the hub holds.
INSERT INTO cyber_alert_responses (cyber_alert_id, organisation_id, acknowledged_at, acknowledged_by)
  SELECT c.id, o.id, c.acknowledged_at, c.acknowledged_by FROM cyber_alerts c CROSS JOIN organisations o WHERE c.acknowledged_at IS NOT NULL;
ALTER TABLE cyber_alerts DROP COLUMN acknowledged_at;
ALTER TABLE cyber_alerts DROP COLUMN acknowledged_by;

-- Where an alert came from: a file in rules/cyber-alerts/ (read at start) or
-- added on the hub by a person (kept in force from the database).
ALTER TABLE cyber_alerts ADD COLUMN origin TEXT NOT NULL DEFAULT 'file' CHECK (origin IN ('file', 'hub'));
ALTER TABLE cyber_alerts ADD COLUMN added_by TEXT;
