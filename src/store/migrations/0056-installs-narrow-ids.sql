-- Issue 24: nothing to do on SQLite, which stores an integer in as few bytes
-- as its value needs (an install's two ids take 2–6 bytes there).
SELECT 1;
