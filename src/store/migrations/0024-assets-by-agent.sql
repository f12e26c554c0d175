-- Every agent report asks which machine its agent is bound to (src/ingest/agent-binding.ts):
-- by index, not by reading every asset.
CREATE INDEX assets_agent ON assets (agent_id);
