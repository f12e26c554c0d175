-- Issue 20: per-agent budgets. Each receipt counts the software versions its
-- report added to the hub's catalogue, and an agent's receipts are read by
-- time; the agent row remembers when the security lead was last told of it (over
-- budget, or its revoked token still in use), so a flood of refusals is one
-- notification an hour, not one each.
ALTER TABLE report_receipts ADD COLUMN new_software INTEGER NOT NULL DEFAULT 0;
CREATE INDEX report_receipts_agent ON report_receipts (agent_id, received_at);
ALTER TABLE agents ADD COLUMN security_told_at TEXT;
