-- Issue 24: one trust's summary counted its installs by status from the item
-- counts of each of its machines (asset_item_counts, 0008): about 180,000
-- rows and 50 ms for a trust of 30,000 machines at 100,000 assets, which put
-- the largest trust's summary at 100 ms. The same counts per trust and OS,
-- kept by triggers on the machines' counts and on a machine's OS or trust,
-- are a few hundred rows, as os_item_counts is for the whole hub.
CREATE TABLE trust_item_counts (
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  os_id INTEGER NOT NULL REFERENCES os_versions(id),
  status TEXT NOT NULL,
  os_link TEXT NOT NULL,
  items INTEGER NOT NULL,
  PRIMARY KEY (organisation_id, os_id, status, os_link)
) WITHOUT ROWID;

INSERT INTO trust_item_counts (organisation_id, os_id, status, os_link, items)
  SELECT a.organisation_id, a.os_id, c.status, c.os_link, sum(c.items) FROM asset_item_counts c JOIN assets a ON a.id = c.asset_id
  GROUP BY a.organisation_id, a.os_id, c.status, c.os_link;

-- A machine's count moves its trust's count on its OS.
CREATE TRIGGER asset_item_counts_trust_insert AFTER INSERT ON asset_item_counts BEGIN
  INSERT INTO trust_item_counts (organisation_id, os_id, status, os_link, items)
    SELECT organisation_id, os_id, NEW.status, NEW.os_link, NEW.items FROM assets WHERE id = NEW.asset_id
    ON CONFLICT (organisation_id, os_id, status, os_link) DO UPDATE SET items = items + excluded.items;
END;
CREATE TRIGGER asset_item_counts_trust_update AFTER UPDATE OF status, os_link, items ON asset_item_counts BEGIN
  UPDATE trust_item_counts SET items = items - OLD.items
    WHERE organisation_id = (SELECT organisation_id FROM assets WHERE id = OLD.asset_id) AND os_id = (SELECT os_id FROM assets WHERE id = OLD.asset_id)
      AND status = OLD.status AND os_link = OLD.os_link;
  INSERT INTO trust_item_counts (organisation_id, os_id, status, os_link, items)
    SELECT organisation_id, os_id, NEW.status, NEW.os_link, NEW.items FROM assets WHERE id = NEW.asset_id
    ON CONFLICT (organisation_id, os_id, status, os_link) DO UPDATE SET items = items + excluded.items;
END;
-- Cascaded from a deleted machine, the machine is already gone and finds no row: assets_trust_items_delete took its counts.
CREATE TRIGGER asset_item_counts_trust_delete AFTER DELETE ON asset_item_counts BEGIN
  UPDATE trust_item_counts SET items = items - OLD.items
    WHERE organisation_id = (SELECT organisation_id FROM assets WHERE id = OLD.asset_id) AND os_id = (SELECT os_id FROM assets WHERE id = OLD.asset_id)
      AND status = OLD.status AND os_link = OLD.os_link;
END;

-- A machine moving to another OS or trust takes its counts with it.
CREATE TRIGGER assets_trust_items_move AFTER UPDATE OF os_id, organisation_id ON assets
  WHEN OLD.os_id <> NEW.os_id OR OLD.organisation_id <> NEW.organisation_id BEGIN
  UPDATE trust_item_counts SET items = items - (SELECT c.items FROM asset_item_counts c WHERE c.asset_id = NEW.id AND c.status = trust_item_counts.status AND c.os_link = trust_item_counts.os_link)
    WHERE organisation_id = OLD.organisation_id AND os_id = OLD.os_id
      AND EXISTS (SELECT 1 FROM asset_item_counts c WHERE c.asset_id = NEW.id AND c.status = trust_item_counts.status AND c.os_link = trust_item_counts.os_link);
  INSERT INTO trust_item_counts (organisation_id, os_id, status, os_link, items)
    SELECT NEW.organisation_id, NEW.os_id, status, os_link, items FROM asset_item_counts WHERE asset_id = NEW.id AND TRUE
    ON CONFLICT (organisation_id, os_id, status, os_link) DO UPDATE SET items = items + excluded.items;
END;

-- A machine deleted: its counts leave with it, while its item counts are still there to read.
CREATE TRIGGER assets_trust_items_delete BEFORE DELETE ON assets BEGIN
  UPDATE trust_item_counts SET items = items - (SELECT c.items FROM asset_item_counts c WHERE c.asset_id = OLD.id AND c.status = trust_item_counts.status AND c.os_link = trust_item_counts.os_link)
    WHERE organisation_id = OLD.organisation_id AND os_id = OLD.os_id
      AND EXISTS (SELECT 1 FROM asset_item_counts c WHERE c.asset_id = OLD.id AND c.status = trust_item_counts.status AND c.os_link = trust_item_counts.os_link);
END;
