-- Organisations (issue 10): the trusts of an Integrated Care System that share
-- one hub. Every asset, alert, hazard, action, exception, registered device,
-- enrolment secret and agent belongs to one. A person belongs to one, and sees
-- only its records, or to none: an ICS-wide person, who sees every trust's.
--
-- Everything stored so far was one trust's, so it all goes to organisation 1,
-- "This trust", which an admin renames to the trust's ODS code and name
-- (estatewatch admin rename-organisation). The people already on the hub stay
-- as they were, seeing everything: they become ICS-wide.
--
-- Organisations are never deleted (a trigger refuses it), so the ownership
-- columns need no foreign key: SQLite cannot add a column that has both a
-- foreign key and a default other than NULL, and the default is what gives
-- the rows already stored their organisation. The code only ever writes an
-- organisation id it has just read from this table.

CREATE TABLE organisations (
  id INTEGER PRIMARY KEY,
  -- the NHS ODS code, e.g. RXX: how people and agents name a trust
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL
);

INSERT INTO organisations (code, name) VALUES ('TRUST', 'This trust');

CREATE TRIGGER organisations_never_deleted BEFORE DELETE ON organisations BEGIN
  SELECT RAISE(ABORT, 'organisations are never deleted: their records keep their owner');
END;

-- NULL: an ICS-wide person.
ALTER TABLE users ADD COLUMN organisation_id INTEGER REFERENCES organisations(id);

-- An agent reports for the trust whose enrolment secret it was given; a new asset belongs to its first reporter's trust.
ALTER TABLE enrolment_secrets ADD COLUMN organisation_id INTEGER NOT NULL DEFAULT 1;
ALTER TABLE agents ADD COLUMN organisation_id INTEGER NOT NULL DEFAULT 1;
ALTER TABLE assets ADD COLUMN organisation_id INTEGER NOT NULL DEFAULT 1;
-- An asset's alerts are its trust's; an estate-wide alert is about one trust's estate.
ALTER TABLE alerts ADD COLUMN organisation_id INTEGER NOT NULL DEFAULT 1;
ALTER TABLE hazards ADD COLUMN organisation_id INTEGER NOT NULL DEFAULT 1;
ALTER TABLE actions ADD COLUMN organisation_id INTEGER NOT NULL DEFAULT 1;
ALTER TABLE exceptions ADD COLUMN organisation_id INTEGER NOT NULL DEFAULT 1;
ALTER TABLE registered_devices ADD COLUMN organisation_id INTEGER NOT NULL DEFAULT 1;

-- A message to a role reaches that role's holders in this trust (and ICS-wide ones); NULL: in every trust.
ALTER TABLE notifications ADD COLUMN organisation_id INTEGER REFERENCES organisations(id);

CREATE INDEX assets_organisation ON assets (organisation_id, id);
-- One trust's live alerts in the list's order, as alerts_live_order gives the ICS's.
CREATE INDEX alerts_organisation_live_order ON alerts (organisation_id, severity_rank, raised_at, id) WHERE status <> 'resolved';

-- Two trusts may each have the same estate-wide alert (an unknown program spreading in each).
DROP INDEX alerts_one_live;
CREATE UNIQUE INDEX alerts_one_live ON alerts (rule_id, organisation_id, coalesce(asset_id, 0), subject) WHERE status <> 'resolved';
