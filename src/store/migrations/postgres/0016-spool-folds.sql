-- PostgreSQL form of ../0016-spool-folds.sql (see README.md here for the mapping).

-- A report an agent's spool folded older reports into (contract: report.spool)
-- stands for several collections: its receipt records how many, and since
-- when, so a fold is never silent. NULL: the report stands for itself.
ALTER TABLE report_receipts ADD COLUMN folded_reports bigint;
ALTER TABLE report_receipts ADD COLUMN folded_since text;
