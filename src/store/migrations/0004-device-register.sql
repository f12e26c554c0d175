-- The device register: faxes, pagers and other kit no agent sees (and agent-seen
-- devices an admin wants to track), with their planned removal. Faxes were to stop
-- by 31 March 2020 and non-emergency pagers by the end of 2021 (DHSC); crash bleeps
-- may stay where there is no safe alternative, once the CSO has signed that off.
-- Devices are decommissioned, never deleted. Every change is also in audit_log.

CREATE TABLE registered_devices (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('fax', 'pager', 'mfd', 'modem', 'other')),
  name TEXT NOT NULL,
  model TEXT,
  serial TEXT,
  site TEXT,
  -- ward or department
  location TEXT,
  status TEXT NOT NULL CHECK (status IN ('in-use', 'replacement-planned', 'decommissioned')),
  planned_removal_on TEXT,
  -- what takes over, e.g. "secure email to NHSmail", "clinical messaging app"
  replacement TEXT,
  -- pagers only
  owner_name TEXT,
  team TEXT,
  number TEXT,
  pager_type TEXT CHECK (pager_type IN ('one-way', 'two-way', 'emergency')),
  provider TEXT,
  contract_end TEXT,
  -- 1: an emergency (crash) bleep kept by policy, signed off by a CSO
  retained_by_policy INTEGER NOT NULL DEFAULT 0 CHECK (retained_by_policy IN (0, 1)),
  retained_signed_off_by TEXT,
  retained_signed_off_at TEXT,
  decommissioned_at TEXT,
  decommission_reason TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (retained_by_policy = 0 OR pager_type = 'emergency'),
  CHECK (status <> 'decommissioned' OR decommission_reason IS NOT NULL)
);
-- Re-imports find a device by kind + serial, or kind + name + site when it has no serial.
CREATE INDEX registered_devices_serial ON registered_devices (kind, lower(serial));
CREATE INDEX registered_devices_name ON registered_devices (kind, lower(name), lower(site));
CREATE INDEX registered_devices_filter ON registered_devices (status, kind, site);

-- Each status a device entered and when, so the count in use per kind and site can be drawn over time.
CREATE TABLE device_status_history (
  id INTEGER PRIMARY KEY,
  device_id INTEGER NOT NULL REFERENCES registered_devices(id),
  status TEXT NOT NULL CHECK (status IN ('in-use', 'replacement-planned', 'decommissioned')),
  at TEXT NOT NULL
);
CREATE INDEX device_status_history_device ON device_status_history (device_id, at);
