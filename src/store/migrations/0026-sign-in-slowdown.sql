-- Issue 20: an account is no longer locked for everyone (anyone could lock out
-- the admin with five guesses). Failures pause one address for one account, and
-- slow the account's answers; both are counted from sign_in_failures.
DROP TABLE sign_in_lockouts;
