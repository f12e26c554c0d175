-- People who sign in to the hub. Passwords are scrypt hashes, never plain text.
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'security-lead', 'cso', 'board')),
  must_change_password INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);

-- Sign-in sessions; the cookie holds a random token, the table only its SHA-256.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);

-- Secrets an admin hands to IT teams; an agent trades one for its own token.
CREATE TABLE enrolment_secrets (
  id INTEGER PRIMARY KEY,
  secret_hash TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
);

CREATE TABLE agents (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  hostname TEXT NOT NULL,
  enrolment_secret_id INTEGER REFERENCES enrolment_secrets(id),
  enrolled_at TEXT NOT NULL,
  last_report_at TEXT,
  revoked_at TEXT
);

-- Distinct operating systems with their verdict, evaluated once each.
CREATE TABLE os_versions (
  id INTEGER PRIMARY KEY,
  family TEXT NOT NULL,
  name TEXT NOT NULL,
  version TEXT NOT NULL,
  edition TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  product TEXT,
  cycle TEXT,
  eol TEXT,
  extended_support_end TEXT,
  reason TEXT NOT NULL,
  UNIQUE (family, name, version, edition)
);

CREATE TABLE assets (
  id INTEGER PRIMARY KEY,
  -- lower-cased FQDN, else hostname: one asset per machine whichever agent or import reports it
  identity TEXT NOT NULL UNIQUE,
  hostname TEXT NOT NULL,
  fqdn TEXT,
  manufacturer TEXT,
  model TEXT,
  serial TEXT,
  os_id INTEGER NOT NULL REFERENCES os_versions(id),
  os_build TEXT,
  os_arch TEXT,
  agent_id INTEGER REFERENCES agents(id),
  first_seen_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  last_received_at TEXT NOT NULL,
  -- hash of the last inventory, so an unchanged report only moves last-seen
  inventory_hash TEXT NOT NULL
);
CREATE INDEX assets_os ON assets (os_id);

-- Distinct software versions with their verdict, evaluated once each, not per install.
CREATE TABLE software (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  version TEXT NOT NULL,
  vendor TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL,
  -- how the asset's OS verdict bears on it: none, follows (distribution package), capped (part of the OS);
  -- see lifecycle/verdict-on-asset.ts
  os_link TEXT NOT NULL CHECK (os_link IN ('none', 'follows', 'capped')),
  status TEXT NOT NULL,
  product TEXT,
  cycle TEXT,
  eol TEXT,
  extended_support_end TEXT,
  reason TEXT NOT NULL,
  UNIQUE (name, version, vendor, source)
);
CREATE INDEX software_status ON software (status, os_link);

CREATE TABLE installs (
  asset_id INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
  software_id INTEGER NOT NULL REFERENCES software(id),
  installed_at TEXT,
  first_seen_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  PRIMARY KEY (asset_id, software_id)
) WITHOUT ROWID;
CREATE INDEX installs_software ON installs (software_id);

-- What changed between reports; pruned after the retention period.
CREATE TABLE install_history (
  id INTEGER PRIMARY KEY,
  asset_id INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
  change TEXT NOT NULL CHECK (change IN ('installed', 'removed', 'upgraded', 'downgraded')),
  name TEXT NOT NULL,
  source TEXT NOT NULL,
  from_version TEXT,
  to_version TEXT,
  at TEXT NOT NULL
);
CREATE INDEX install_history_asset ON install_history (asset_id, at);

CREATE TABLE devices (
  id INTEGER PRIMARY KEY,
  asset_id INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  model TEXT,
  serial TEXT,
  location TEXT,
  connection TEXT NOT NULL DEFAULT '',
  first_seen_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  UNIQUE (asset_id, kind, name, connection)
);

-- One row per accepted report: the idempotency record. Pruned after the retention period.
CREATE TABLE report_receipts (
  id INTEGER PRIMARY KEY,
  agent_id INTEGER REFERENCES agents(id),
  idempotency_key TEXT NOT NULL,
  asset_id INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
  received_at TEXT NOT NULL,
  collected_at TEXT NOT NULL,
  software_count INTEGER NOT NULL,
  device_count INTEGER NOT NULL,
  changes INTEGER NOT NULL,
  UNIQUE (agent_id, idempotency_key)
);
CREATE INDEX report_receipts_received ON report_receipts (received_at);

-- Small facts the hub keeps about itself (e.g. the rule digest last evaluated).
CREATE TABLE hub_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
