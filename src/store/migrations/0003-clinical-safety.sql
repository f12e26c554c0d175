-- The Clinical Safety Officer's records (DCB0160): hazard log, actions, risk-accepted exceptions.
-- Hazards are closed, never deleted. Every change is also in audit_log.

CREATE TABLE hazards (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  causes TEXT NOT NULL,
  effect TEXT NOT NULL,
  potential_harm TEXT NOT NULL,
  existing_controls TEXT NOT NULL DEFAULT '',
  -- initial risk: severity and likelihood are 1..5 on the trust's matrix (src/cso/risk-matrix.ts)
  initial_severity INTEGER NOT NULL CHECK (initial_severity BETWEEN 1 AND 5),
  initial_likelihood INTEGER NOT NULL CHECK (initial_likelihood BETWEEN 1 AND 5),
  additional_controls TEXT NOT NULL DEFAULT '',
  -- residual risk: set (or changed) only by the CSO; null until first rated
  residual_severity INTEGER CHECK (residual_severity BETWEEN 1 AND 5),
  residual_likelihood INTEGER CHECK (residual_likelihood BETWEEN 1 AND 5),
  residual_rated_by TEXT,
  residual_rated_at TEXT,
  -- set when an action controlling this hazard is done: the residual risk should be looked at again
  rerating_due INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL CHECK (status IN ('open', 'transferred', 'closed')),
  owner TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- What a hazard is about: assets, alerts, devices (evidence carried from an alert is kept in the hazard text).
CREATE TABLE hazard_links (
  hazard_id INTEGER NOT NULL REFERENCES hazards(id),
  kind TEXT NOT NULL CHECK (kind IN ('asset', 'alert', 'device')),
  target_id INTEGER NOT NULL,
  PRIMARY KEY (hazard_id, kind, target_id)
) WITHOUT ROWID;

CREATE TABLE actions (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  owner TEXT NOT NULL,
  due_date TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'in-progress', 'done', 'cancelled')),
  hazard_id INTEGER REFERENCES hazards(id),
  alert_id INTEGER REFERENCES alerts(id),
  asset_id INTEGER REFERENCES assets(id),
  -- 1: this action is a control for its hazard (closing it prompts a re-rating of residual risk)
  controls_hazard INTEGER NOT NULL DEFAULT 0,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  completed_at TEXT
);
CREATE INDEX actions_owner ON actions (owner, status, due_date);
CREATE INDEX actions_hazard ON actions (hazard_id);

CREATE TABLE action_notes (
  id INTEGER PRIMARY KEY,
  action_id INTEGER NOT NULL REFERENCES actions(id),
  author TEXT NOT NULL,
  at TEXT NOT NULL,
  text TEXT NOT NULL
);

-- Risk acceptance: kit that cannot be upgraded, with compensating controls, until an expiry date.
-- In effect only once the CSO has signed it off, and only until it expires.
CREATE TABLE exceptions (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  justification TEXT NOT NULL,
  compensating_controls TEXT NOT NULL,
  expires_on TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'in-effect', 'rejected', 'expired', 'revoked')),
  requested_by TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  signed_off_by TEXT,
  signed_off_at TEXT,
  hazard_id INTEGER REFERENCES hazards(id),
  updated_at TEXT NOT NULL
);
CREATE TABLE exception_assets (
  exception_id INTEGER NOT NULL REFERENCES exceptions(id),
  asset_id INTEGER NOT NULL REFERENCES assets(id),
  PRIMARY KEY (exception_id, asset_id)
) WITHOUT ROWID;
CREATE TABLE exception_rules (
  exception_id INTEGER NOT NULL REFERENCES exceptions(id),
  rule_id TEXT NOT NULL,
  PRIMARY KEY (exception_id, rule_id)
) WITHOUT ROWID;

-- Messages for a role or a person (e.g. "exception #3 expired" to the CSO), shown on their pages.
CREATE TABLE notifications (
  id INTEGER PRIMARY KEY,
  recipient_role TEXT,
  recipient_user TEXT,
  at TEXT NOT NULL,
  text TEXT NOT NULL,
  link TEXT,
  read_at TEXT,
  CHECK (recipient_role IS NOT NULL OR recipient_user IS NOT NULL)
);
CREATE INDEX notifications_unread ON notifications (read_at, recipient_role, recipient_user);
