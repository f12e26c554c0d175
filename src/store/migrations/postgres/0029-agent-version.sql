-- Issue 21: the Agents page shows each agent's version, as its latest report
-- gave it (reports carry agent.version; the hub kept none of it before), and
-- each agent's spool folds, read from the few receipts that record one.
ALTER TABLE agents ADD COLUMN version text;
CREATE INDEX report_receipts_folded ON report_receipts (agent_id) WHERE folded_reports IS NOT NULL;
