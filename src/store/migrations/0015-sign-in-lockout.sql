-- Sign-in throttling (src/auth/sign-in-throttle.ts). Kept in the database, not
-- in memory, so restarting the hub does not hand an attacker fresh guesses.
--
-- Each failed sign-in, with the username as typed (unknown names too: the hub
-- answers them exactly as it answers a wrong password) and the client address.
-- Rows older than the counting window are pruned as new failures arrive.
CREATE TABLE sign_in_failures (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL COLLATE NOCASE,
  client TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX sign_in_failures_username ON sign_in_failures (username, at);
CREATE INDEX sign_in_failures_client ON sign_in_failures (client, at);
CREATE INDEX sign_in_failures_at ON sign_in_failures (at);

-- A username refused until a time, whatever the password. Its own row, not a
-- users column, because a name that is not a user is locked the same way.
CREATE TABLE sign_in_lockouts (
  username TEXT PRIMARY KEY COLLATE NOCASE,
  locked_until TEXT NOT NULL
);
