import type { Notification } from '../../store/notifications.js';
import type { Session } from '../../store/sessions.js';
import { MarkReadForm } from '../components/notifications-strip.js';
import { Layout } from '../layout.js';
import { TableScroll } from '../components/table-scroll.js';

export interface NotificationsPageProps {
  session: Session;
  rows: Notification[];
}

/** The signed-in person's notifications, newest first; those sent to their role are shared with everyone holding it. */
export function NotificationsPage({ session, rows }: NotificationsPageProps) {
  return (
    <Layout title="Notifications" session={session}>
      <h1>Notifications</h1>
      <p class="muted small">
        For you ({session.user.username}) and for your role ({session.user.role}). Mark one read for yourself; one sent to your role closes for everyone once what it is about has been decided.
      </p>
      {rows.length === 0 ? (
        <p class="panel">No notifications.</p>
      ) : (
        <TableScroll>
          <table id="notifications">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">To</th>
                <th scope="col">What</th>
                <th scope="col">Read</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((n) => (
                <tr data-id={n.id} data-read={n.readAt ? 'yes' : 'no'}>
                  <td>{n.at.slice(0, 16).replace('T', ' ')}</td>
                  <td>{n.recipientUser ?? n.recipientRole}</td>
                  <td>{n.link ? <a href={n.link}>{n.text}</a> : n.text}</td>
                  <td>{n.readAt ? n.readAt.slice(0, 16).replace('T', ' ') : <MarkReadForm id={n.id} csrf={session.csrfToken} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Layout>
  );
}
