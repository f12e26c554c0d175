-- Alerts raised by the rules in rules/alerts/: one open alert per rule × asset × subject.
CREATE TABLE alerts (
  id INTEGER PRIMARY KEY,
  rule_id TEXT NOT NULL,
  -- null for an estate-wide alert (e.g. an unknown program spreading across assets)
  asset_id INTEGER REFERENCES assets(id) ON DELETE CASCADE,
  -- what on the asset it is about: "os", "software:<name>@<version>", "device:<kind>:<name>", "silent"
  subject TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info')),
  title TEXT NOT NULL,
  -- the evidence when last raised, e.g. the verdict's reason
  detail TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'acknowledged', 'suppressed', 'resolved')),
  assignee TEXT,
  raised_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  acknowledged_at TEXT,
  resolved_at TEXT,
  -- 'cleared' when the condition went away by itself, 'manual' when a person resolved it
  resolution TEXT CHECK (resolution IN ('cleared', 'manual')),
  suppressed_until TEXT,
  suppress_reason TEXT
);
CREATE UNIQUE INDEX alerts_one_live ON alerts (rule_id, coalesce(asset_id, 0), subject) WHERE status <> 'resolved';
CREATE INDEX alerts_status ON alerts (status, severity, raised_at);
CREATE INDEX alerts_asset ON alerts (asset_id);

CREATE TABLE alert_notes (
  id INTEGER PRIMARY KEY,
  alert_id INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
  author TEXT NOT NULL,
  at TEXT NOT NULL,
  text TEXT NOT NULL
);

-- Every change people (and the hub itself, as "system") make to alerts, actions,
-- hazards and exceptions. Append-only: each entry holds the hash of the one before.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  before TEXT,
  after TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
