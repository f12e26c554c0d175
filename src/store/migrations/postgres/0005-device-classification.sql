-- PostgreSQL form of ../0005-device-classification.sql (see README.md here for the mapping).

-- What the hub's known-device list (rules/devices/) makes of an agent-reported device:
-- "a USB device 0baf:0303" is a fax modem. The reported kind stays as sent (delta
-- reports rebuild the agent's inventory from it); alerts and pages use the classified one.
ALTER TABLE devices ADD COLUMN classified_kind text;
ALTER TABLE devices ADD COLUMN classification_note text;
