-- PostgreSQL form of ../0046-trust-item-counts.sql: the same table, backfill
-- and triggers, one plpgsql function per trigger; the three on asset_item_counts
-- share add_trust_items (SQLite's triggers spell it out each time).
CREATE TABLE trust_item_counts (
  organisation_id bigint NOT NULL REFERENCES organisations(id),
  os_id bigint NOT NULL REFERENCES os_versions(id),
  status text NOT NULL,
  os_link text NOT NULL,
  items bigint NOT NULL,
  PRIMARY KEY (organisation_id, os_id, status, os_link)
);

INSERT INTO trust_item_counts (organisation_id, os_id, status, os_link, items)
  SELECT a.organisation_id, a.os_id, c.status, c.os_link, sum(c.items) FROM asset_item_counts c JOIN assets a ON a.id = c.asset_id
  GROUP BY a.organisation_id, a.os_id, c.status, c.os_link;

-- A machine's count of a status and OS link moved by `delta` in its trust's count on its OS: the three triggers on
-- asset_item_counts share it. A machine already gone (the cascade from its deletion) has no row and moves nothing.
CREATE FUNCTION add_trust_items(asset bigint, item_status text, item_os_link text, delta bigint) RETURNS void LANGUAGE sql AS $$
  INSERT INTO trust_item_counts (organisation_id, os_id, status, os_link, items)
    SELECT organisation_id, os_id, item_status, item_os_link, delta FROM assets WHERE id = asset
    ON CONFLICT (organisation_id, os_id, status, os_link) DO UPDATE SET items = trust_item_counts.items + excluded.items;
$$;

CREATE FUNCTION asset_item_counts_trust_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM add_trust_items(NEW.asset_id, NEW.status, NEW.os_link, NEW.items);
  RETURN NULL;
END;
$$;
CREATE TRIGGER asset_item_counts_trust_insert AFTER INSERT ON asset_item_counts
  FOR EACH ROW EXECUTE FUNCTION asset_item_counts_trust_insert();

CREATE FUNCTION asset_item_counts_trust_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM add_trust_items(OLD.asset_id, OLD.status, OLD.os_link, -OLD.items);
  PERFORM add_trust_items(NEW.asset_id, NEW.status, NEW.os_link, NEW.items);
  RETURN NULL;
END;
$$;
CREATE TRIGGER asset_item_counts_trust_update AFTER UPDATE OF status, os_link, items ON asset_item_counts
  FOR EACH ROW EXECUTE FUNCTION asset_item_counts_trust_update();

CREATE FUNCTION asset_item_counts_trust_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM add_trust_items(OLD.asset_id, OLD.status, OLD.os_link, -OLD.items);
  RETURN NULL;
END;
$$;
CREATE TRIGGER asset_item_counts_trust_delete AFTER DELETE ON asset_item_counts
  FOR EACH ROW EXECUTE FUNCTION asset_item_counts_trust_delete();

CREATE FUNCTION assets_trust_items_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE trust_item_counts t SET items = t.items - c.items FROM asset_item_counts c
    WHERE c.asset_id = NEW.id AND t.organisation_id = OLD.organisation_id AND t.os_id = OLD.os_id AND t.status = c.status AND t.os_link = c.os_link;
  INSERT INTO trust_item_counts (organisation_id, os_id, status, os_link, items)
    SELECT NEW.organisation_id, NEW.os_id, status, os_link, items FROM asset_item_counts WHERE asset_id = NEW.id
    ON CONFLICT (organisation_id, os_id, status, os_link) DO UPDATE SET items = trust_item_counts.items + excluded.items;
  RETURN NULL;
END;
$$;
CREATE TRIGGER assets_trust_items_move AFTER UPDATE OF os_id, organisation_id ON assets
  FOR EACH ROW WHEN (OLD.os_id <> NEW.os_id OR OLD.organisation_id <> NEW.organisation_id) EXECUTE FUNCTION assets_trust_items_move();

CREATE FUNCTION assets_trust_items_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE trust_item_counts t SET items = t.items - c.items FROM asset_item_counts c
    WHERE c.asset_id = OLD.id AND t.organisation_id = OLD.organisation_id AND t.os_id = OLD.os_id AND t.status = c.status AND t.os_link = c.os_link;
  RETURN OLD;
END;
$$;
CREATE TRIGGER assets_trust_items_delete BEFORE DELETE ON assets
  FOR EACH ROW EXECUTE FUNCTION assets_trust_items_delete();
