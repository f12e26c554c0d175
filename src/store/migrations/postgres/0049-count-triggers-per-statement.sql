-- PostgreSQL form of ../0049-item-count-triggers-per-statement.sql (see README.md here for the mapping).

-- Issue 24: each row written to asset_item_counts ran three triggers: two
-- rewrote the machine's row in `assets` (what it carries, 0012; its risk
-- counts, 0044) and one moved its trust's counts (0046). A new host's report
-- writes about seven such rows in one statement: fourteen rewrites of one wide
-- row, each a new copy with every index of `assets` updated (4-5 ms of a new
-- host's ~80 on PostgreSQL), and re-judging a version rewrote a machine once
-- per count of it that moved. The same triggers now run once per statement,
-- over the rows it changed (transition tables): each machine's row is
-- rewritten once, and each trust's counts moved by the sums. Same names, same
-- results (the parity scenario of postgres-schema.test runs each of them).
-- A trigger with transition tables may not name columns, so the update
-- triggers run after any update of a count (only those columns ever change).

DROP TRIGGER asset_item_counts_carries_insert ON asset_item_counts;
DROP TRIGGER asset_item_counts_carries_update ON asset_item_counts;
DROP TRIGGER asset_item_counts_carries_delete ON asset_item_counts;
DROP TRIGGER asset_item_counts_risk_insert ON asset_item_counts;
DROP TRIGGER asset_item_counts_risk_update ON asset_item_counts;
DROP TRIGGER asset_item_counts_risk_delete ON asset_item_counts;
DROP TRIGGER asset_item_counts_trust_insert ON asset_item_counts;
DROP TRIGGER asset_item_counts_trust_update ON asset_item_counts;
DROP TRIGGER asset_item_counts_trust_delete ON asset_item_counts;
DROP FUNCTION asset_item_counts_carries_insert();
DROP FUNCTION asset_item_counts_carries_update();
DROP FUNCTION asset_item_counts_carries_delete();
DROP FUNCTION asset_item_counts_risk_insert();
DROP FUNCTION asset_item_counts_risk_update();
DROP FUNCTION asset_item_counts_risk_delete();
DROP FUNCTION asset_item_counts_trust_insert();
DROP FUNCTION asset_item_counts_trust_update();
DROP FUNCTION asset_item_counts_trust_delete();
-- Only the row triggers above called it.
DROP FUNCTION add_trust_items(bigint, text, text, bigint);

-- What each changed machine carries (0012), from its counts as they now stand.
CREATE FUNCTION asset_item_counts_carries_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE assets SET carries = (SELECT c.carries FROM asset_carried_statuses c WHERE c.asset_id = assets.id)
    WHERE id IN (SELECT asset_id FROM changed_counts);
  RETURN NULL;
END;
$$;
CREATE TRIGGER asset_item_counts_carries_insert AFTER INSERT ON asset_item_counts
  REFERENCING NEW TABLE AS changed_counts FOR EACH STATEMENT EXECUTE FUNCTION asset_item_counts_carries_changed();
CREATE TRIGGER asset_item_counts_carries_update AFTER UPDATE ON asset_item_counts
  REFERENCING NEW TABLE AS changed_counts FOR EACH STATEMENT EXECUTE FUNCTION asset_item_counts_carries_changed();
CREATE TRIGGER asset_item_counts_carries_delete AFTER DELETE ON asset_item_counts
  REFERENCING OLD TABLE AS changed_counts FOR EACH STATEMENT EXECUTE FUNCTION asset_item_counts_carries_changed();

-- Each changed machine's unsupported and ending-soon items (0044).
CREATE FUNCTION asset_item_counts_risk_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE assets SET (unsupported_items, ending_soon_items) = (SELECT r.unsupported_items, r.ending_soon_items FROM asset_risk_items r WHERE r.asset_id = assets.id)
    WHERE id IN (SELECT asset_id FROM changed_counts);
  RETURN NULL;
END;
$$;
CREATE TRIGGER asset_item_counts_risk_insert AFTER INSERT ON asset_item_counts
  REFERENCING NEW TABLE AS changed_counts FOR EACH STATEMENT EXECUTE FUNCTION asset_item_counts_risk_changed();
CREATE TRIGGER asset_item_counts_risk_update AFTER UPDATE ON asset_item_counts
  REFERENCING NEW TABLE AS changed_counts FOR EACH STATEMENT EXECUTE FUNCTION asset_item_counts_risk_changed();
CREATE TRIGGER asset_item_counts_risk_delete AFTER DELETE ON asset_item_counts
  REFERENCING OLD TABLE AS changed_counts FOR EACH STATEMENT EXECUTE FUNCTION asset_item_counts_risk_changed();

-- Moves the trusts' counts (0046) by the changed counts, summed per trust, OS,
-- status and OS link: added ones in, removed ones out, an update's old counts
-- out and new ones in. A machine being deleted moves nothing here (its BEFORE
-- DELETE trigger on assets took its counts out, and it is gone by now).
CREATE FUNCTION asset_item_counts_trust_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO trust_item_counts (organisation_id, os_id, status, os_link, items)
      SELECT a.organisation_id, a.os_id, c.status, c.os_link, sum(c.items) FROM new_counts c JOIN assets a ON a.id = c.asset_id
      GROUP BY a.organisation_id, a.os_id, c.status, c.os_link
      ON CONFLICT (organisation_id, os_id, status, os_link) DO UPDATE SET items = trust_item_counts.items + excluded.items;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO trust_item_counts (organisation_id, os_id, status, os_link, items)
      SELECT a.organisation_id, a.os_id, c.status, c.os_link, sum(c.items)
      FROM (SELECT asset_id, status, os_link, items FROM new_counts UNION ALL SELECT asset_id, status, os_link, -items FROM old_counts) c
        JOIN assets a ON a.id = c.asset_id
      GROUP BY a.organisation_id, a.os_id, c.status, c.os_link
      ON CONFLICT (organisation_id, os_id, status, os_link) DO UPDATE SET items = trust_item_counts.items + excluded.items;
  ELSE
    INSERT INTO trust_item_counts (organisation_id, os_id, status, os_link, items)
      SELECT a.organisation_id, a.os_id, c.status, c.os_link, -sum(c.items) FROM old_counts c JOIN assets a ON a.id = c.asset_id
      GROUP BY a.organisation_id, a.os_id, c.status, c.os_link
      ON CONFLICT (organisation_id, os_id, status, os_link) DO UPDATE SET items = trust_item_counts.items + excluded.items;
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER asset_item_counts_trust_insert AFTER INSERT ON asset_item_counts
  REFERENCING NEW TABLE AS new_counts FOR EACH STATEMENT EXECUTE FUNCTION asset_item_counts_trust_changed();
CREATE TRIGGER asset_item_counts_trust_update AFTER UPDATE ON asset_item_counts
  REFERENCING OLD TABLE AS old_counts NEW TABLE AS new_counts FOR EACH STATEMENT EXECUTE FUNCTION asset_item_counts_trust_changed();
CREATE TRIGGER asset_item_counts_trust_delete AFTER DELETE ON asset_item_counts
  REFERENCING OLD TABLE AS old_counts FOR EACH STATEMENT EXECUTE FUNCTION asset_item_counts_trust_changed();


-- The alerts' counts per trust, rule, severity and status (0039) were moved
-- once per alert raised, resolved or deleted: the first alert run over 5,000
-- machines raises 56,687 alerts in a few statements, and each alert upserted
-- one of a few dozen count rows, every update of the same row in one
-- transaction walking the copies the earlier ones left (the reason 0045
-- settles the version counts at the commit). Each statement now moves each
-- count once, by its sum. The titles' trigger (0042) stays per row: as a
-- statement trigger, 10,000 one-row inserts (alert-search.test) took 46 s
-- against 16, its anti-join over the titles planned for the transition table
-- it cannot see into.
DROP TRIGGER alerts_count_insert ON alerts;
DROP TRIGGER alerts_count_update ON alerts;
DROP TRIGGER alerts_count_delete ON alerts;
DROP FUNCTION alerts_count_insert();
DROP FUNCTION alerts_count_update();
DROP FUNCTION alerts_count_delete();

CREATE FUNCTION alerts_count_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO alert_counts (organisation_id, rule_id, severity, status, alerts)
    SELECT organisation_id, rule_id, severity, status, count(*) FROM new_alerts GROUP BY organisation_id, rule_id, severity, status
    ON CONFLICT (organisation_id, rule_id, severity, status) DO UPDATE SET alerts = alert_counts.alerts + excluded.alerts;
  RETURN NULL;
END;
$$;
CREATE TRIGGER alerts_count_insert AFTER INSERT ON alerts
  REFERENCING NEW TABLE AS new_alerts FOR EACH STATEMENT EXECUTE FUNCTION alerts_count_insert();

-- As 0039's: an alert whose trust, rule, severity or status changed leaves its old count (which stays, if at zero) and joins its new one.
CREATE FUNCTION alerts_count_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Two statements: one statement may not update a count and then upsert it too.
  UPDATE alert_counts c SET alerts = c.alerts - gone.alerts
    FROM (SELECT o.organisation_id, o.rule_id, o.severity, o.status, count(*) AS alerts
          FROM old_alerts o JOIN new_alerts n ON n.id = o.id
          WHERE o.organisation_id <> n.organisation_id OR o.rule_id <> n.rule_id OR o.severity <> n.severity OR o.status <> n.status
          GROUP BY o.organisation_id, o.rule_id, o.severity, o.status) gone
    WHERE c.organisation_id = gone.organisation_id AND c.rule_id = gone.rule_id AND c.severity = gone.severity AND c.status = gone.status;
  INSERT INTO alert_counts (organisation_id, rule_id, severity, status, alerts)
    SELECT n.organisation_id, n.rule_id, n.severity, n.status, count(*)
    FROM old_alerts o JOIN new_alerts n ON n.id = o.id
    WHERE o.organisation_id <> n.organisation_id OR o.rule_id <> n.rule_id OR o.severity <> n.severity OR o.status <> n.status
    GROUP BY n.organisation_id, n.rule_id, n.severity, n.status
    ON CONFLICT (organisation_id, rule_id, severity, status) DO UPDATE SET alerts = alert_counts.alerts + excluded.alerts;
  RETURN NULL;
END;
$$;
CREATE TRIGGER alerts_count_update AFTER UPDATE ON alerts
  REFERENCING OLD TABLE AS old_alerts NEW TABLE AS new_alerts FOR EACH STATEMENT EXECUTE FUNCTION alerts_count_update();

CREATE FUNCTION alerts_count_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE alert_counts c SET alerts = c.alerts - gone.alerts
    FROM (SELECT organisation_id, rule_id, severity, status, count(*) AS alerts FROM old_alerts GROUP BY organisation_id, rule_id, severity, status) gone
    WHERE c.organisation_id = gone.organisation_id AND c.rule_id = gone.rule_id AND c.severity = gone.severity AND c.status = gone.status;
  RETURN NULL;
END;
$$;
CREATE TRIGGER alerts_count_delete AFTER DELETE ON alerts
  REFERENCING OLD TABLE AS old_alerts FOR EACH STATEMENT EXECUTE FUNCTION alerts_count_delete();

