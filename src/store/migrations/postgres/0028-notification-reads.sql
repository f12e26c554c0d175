-- Issue 21: a notice to a role is each holder's own to mark read (one CSO
-- reading it no longer clears it for the others); it is closed for everyone
-- once the record it is about is decided; and whoever caused it (a CSO
-- requesting an exception) is not sent their own notice.
CREATE TABLE notification_reads (
  notification_id bigint NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
  username text NOT NULL,
  read_at text NOT NULL,
  PRIMARY KEY (notification_id, username)
);
ALTER TABLE notifications ADD COLUMN sender text;
ALTER TABLE notifications ADD COLUMN closed_at text;
-- Before this, a role notice read by one holder was read for all of them: it stays so, as closed.
UPDATE notifications SET closed_at = read_at WHERE recipient_role IS NOT NULL AND read_at IS NOT NULL;
INSERT INTO notification_reads (notification_id, username, read_at)
  SELECT id, recipient_user, read_at FROM notifications WHERE recipient_user IS NOT NULL AND read_at IS NOT NULL;
DROP INDEX notifications_unread;
ALTER TABLE notifications DROP COLUMN read_at;
CREATE INDEX notifications_open ON notifications (closed_at, recipient_role, recipient_user);
CREATE INDEX notifications_link ON notifications (link);
