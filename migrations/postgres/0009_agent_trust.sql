-- Writeback agent rows are authenticated with a MAC from a key derived from the master key
-- and bound to the row id (src/agent/integrity.rs): a row added or altered by someone who
-- can write to the database but has no master key fails the check and is treated as absent.
-- Rows from before this migration have no MAC: their agents must be enrolled again (they
-- also need the job-signing key that enrolment now pins), their tokens made again.

ALTER TABLE agents ADD COLUMN mac BYTEA;
ALTER TABLE agent_tokens ADD COLUMN mac BYTEA;
ALTER TABLE agent_jobs ADD COLUMN mac BYTEA;

-- Jobs live for seconds; none from before can be checked, so none is kept.
DELETE FROM agent_job_boxes;
DELETE FROM agent_jobs;
