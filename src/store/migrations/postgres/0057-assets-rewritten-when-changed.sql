-- PostgreSQL only; ../0057-assets-rewritten-when-changed.sql is empty. Issue 24.
--
-- PostgreSQL writes a new copy of a row at each update, and, unless the page
-- has room and no indexed column changed, an entry for it in every index:
-- assets has fifteen. The triggers that keep a machine's carried statuses
-- (0012), its risk counts (0044) and its OS rank (0014) wrote its row even
-- when the value stayed the same, which is nearly always for a changed report
-- (a version upgraded changes a machine's counts, seldom the statuses it
-- carries or how many of its items are unsupported) and for a new machine on
-- a supported OS (its rank is the column's default); and each report of a
-- machine with a fax, modem or pager upserts its devices, which took its
-- faxes' count down and up again (0044), two more copies. They now leave
-- such a row alone; the values after every statement are the same.
CREATE OR REPLACE FUNCTION asset_item_counts_carries_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE assets a SET carries = c.carries FROM asset_carried_statuses c
    WHERE c.asset_id = a.id AND a.id IN (SELECT asset_id FROM changed_counts) AND a.carries IS DISTINCT FROM c.carries;
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION asset_item_counts_risk_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE assets a SET unsupported_items = r.unsupported_items, ending_soon_items = r.ending_soon_items FROM asset_risk_items r
    WHERE r.asset_id = a.id AND a.id IN (SELECT asset_id FROM changed_counts)
      AND (a.unsupported_items, a.ending_soon_items) IS DISTINCT FROM (r.unsupported_items, r.ending_soon_items);
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION assets_os_rank_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE assets a SET os_rank = r.rank FROM os_status_ranks r WHERE r.id = NEW.os_id AND a.id = NEW.id AND a.os_rank IS DISTINCT FROM r.rank;
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION devices_legacy_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.asset_id = NEW.asset_id
    AND (coalesce(OLD.classified_kind, OLD.kind) IN ('fax', 'modem', 'pager')) = (coalesce(NEW.classified_kind, NEW.kind) IN ('fax', 'modem', 'pager')) THEN
    RETURN NULL;
  END IF;
  UPDATE assets SET legacy_devices = legacy_devices - 1 WHERE id = OLD.asset_id AND coalesce(OLD.classified_kind, OLD.kind) IN ('fax', 'modem', 'pager');
  UPDATE assets SET legacy_devices = legacy_devices + 1 WHERE id = NEW.asset_id AND coalesce(NEW.classified_kind, NEW.kind) IN ('fax', 'modem', 'pager');
  RETURN NULL;
END;
$$;
