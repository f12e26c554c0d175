-- Issue 20: an enrolment secret enrols as many agents as it says (one by
-- default), and a new agent may wait for an admin's approval.
ALTER TABLE enrolment_secrets ADD COLUMN max_uses bigint NOT NULL DEFAULT 1;
ALTER TABLE enrolment_secrets ADD COLUMN uses bigint NOT NULL DEFAULT 0;
-- A secret made before this counted nothing: it has enrolled what it has, and
-- one that enrolled nobody may still enrol one machine.
UPDATE enrolment_secrets SET uses = (SELECT count(*) FROM agents WHERE agents.enrolment_secret_id = enrolment_secrets.id);
UPDATE enrolment_secrets SET max_uses = CASE WHEN uses > 0 THEN uses ELSE 1 END;

-- NULL while the agent waits for approval; agents enrolled before this were never held.
ALTER TABLE agents ADD COLUMN approved_at text;
UPDATE agents SET approved_at = enrolled_at;
