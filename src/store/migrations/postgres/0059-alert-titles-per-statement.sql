-- PostgreSQL only; ../0059-alert-titles-per-statement.sql is empty. Issue 24.
--
-- Each alert raised ran alerts_title_insert (0042) once, a PL/pgSQL call and
-- a lookup of its title: 24 ms of each 5,000 alerts an alert run raises in one
-- statement (0.3 s of a first run over 5,000 assets), for a few dozen titles.
-- As 0049's count triggers, it now runs once per statement over the rows it
-- inserted (its transition table), adding each new title once, numbered in
-- the order of the alerts that first bore it, as the row trigger numbered them.
DROP TRIGGER alerts_title_insert ON alerts;
CREATE OR REPLACE FUNCTION alerts_title_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO alert_titles (title)
    SELECT n.title FROM new_alerts n WHERE NOT EXISTS (SELECT 1 FROM alert_titles t WHERE t.title = n.title)
    GROUP BY n.title ORDER BY min(n.id)
    ON CONFLICT (title) DO NOTHING;
  RETURN NULL;
END;
$$;
CREATE TRIGGER alerts_title_insert AFTER INSERT ON alerts
  REFERENCING NEW TABLE AS new_alerts FOR EACH STATEMENT EXECUTE FUNCTION alerts_title_insert();
