-- Issue 24: one trust's pages cost that trust's rows, not the whole estate's.
-- Narrowed to a trust, the alert list's counts, its rule filter and its total
-- were counted from every one of the trust's alerts (270 ms for a trust of
-- 2,000 assets in an estate of 20,000), and the trust's summary and asset list
-- read indexes that lead with something other than the trust.

-- Alerts counted per trust as well as by rule × severity × status: the same
-- kept counts (0009), one row per trust, so a trust's severity × status table,
-- rule filter and list total read its few hundred rows, and the whole hub's
-- sum them. An alert's trust never changes (its asset's, or the trust whose
-- estate it is about), but the trigger follows it anyway.
DROP TRIGGER alerts_count_insert ON alerts;
DROP TRIGGER alerts_count_delete ON alerts;
DROP TRIGGER alerts_count_update ON alerts;
DROP FUNCTION alerts_count_insert();
DROP FUNCTION alerts_count_delete();
DROP FUNCTION alerts_count_update();
DROP TABLE alert_counts;

CREATE TABLE alert_counts (
  organisation_id bigint NOT NULL,
  rule_id text NOT NULL,
  severity text NOT NULL,
  status text NOT NULL,
  alerts bigint NOT NULL,
  PRIMARY KEY (organisation_id, rule_id, severity, status)
);

INSERT INTO alert_counts (organisation_id, rule_id, severity, status, alerts)
  SELECT organisation_id, rule_id, severity, status, count(*) FROM alerts GROUP BY 1, 2, 3, 4;

CREATE FUNCTION alerts_count_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO alert_counts (organisation_id, rule_id, severity, status, alerts) VALUES (NEW.organisation_id, NEW.rule_id, NEW.severity, NEW.status, 1)
    ON CONFLICT (organisation_id, rule_id, severity, status) DO UPDATE SET alerts = alert_counts.alerts + 1;
  RETURN NULL;
END;
$$;
CREATE TRIGGER alerts_count_insert AFTER INSERT ON alerts
  FOR EACH ROW EXECUTE FUNCTION alerts_count_insert();

CREATE FUNCTION alerts_count_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE alert_counts SET alerts = alerts - 1
    WHERE organisation_id = OLD.organisation_id AND rule_id = OLD.rule_id AND severity = OLD.severity AND status = OLD.status;
  RETURN NULL;
END;
$$;
CREATE TRIGGER alerts_count_delete AFTER DELETE ON alerts
  FOR EACH ROW EXECUTE FUNCTION alerts_count_delete();

CREATE FUNCTION alerts_count_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE alert_counts SET alerts = alerts - 1
    WHERE organisation_id = OLD.organisation_id AND rule_id = OLD.rule_id AND severity = OLD.severity AND status = OLD.status;
  INSERT INTO alert_counts (organisation_id, rule_id, severity, status, alerts) VALUES (NEW.organisation_id, NEW.rule_id, NEW.severity, NEW.status, 1)
    ON CONFLICT (organisation_id, rule_id, severity, status) DO UPDATE SET alerts = alert_counts.alerts + 1;
  RETURN NULL;
END;
$$;
CREATE TRIGGER alerts_count_update AFTER UPDATE OF organisation_id, rule_id, severity, status ON alerts
  FOR EACH ROW WHEN (OLD.organisation_id <> NEW.organisation_id OR OLD.rule_id <> NEW.rule_id OR OLD.severity <> NEW.severity OR OLD.status <> NEW.status)
  EXECUTE FUNCTION alerts_count_update();

-- A trust's overdue alerts (open, high or critical, raised before a time) and
-- the board snapshot's alerts of a status and severity raised in a window,
-- as alerts_status gives the whole hub's.
CREATE INDEX alerts_organisation_status ON alerts (organisation_id, status, severity, raised_at);

-- A trust's asset list in its order, as assets_list_order gives the whole hub's.
CREATE INDEX assets_organisation_list_order ON assets (organisation_id, os_rank, hostname, id);
-- A trust's summary read from the index alone: assets per OS, and those
-- carrying a status (a bit test, so every one of the trust's entries is read,
-- but not its rows).
CREATE INDEX assets_organisation_os ON assets (organisation_id, os_id, carries);
-- A trust's latest report and its most recently heard-from machines.
CREATE INDEX assets_organisation_received ON assets (organisation_id, last_received_at);
