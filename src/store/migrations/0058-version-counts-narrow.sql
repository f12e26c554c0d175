-- Issue 24: nothing to do on SQLite, which stores an integer in as few bytes
-- as its value needs.
SELECT 1;
