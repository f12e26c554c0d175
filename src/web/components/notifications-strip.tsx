import type { NotificationSummary } from '../notification-summary.js';

/** The newest unread notifications above every page, each with its own "mark read" form. */
export function NotificationsStrip({ summary, csrf }: { summary: NotificationSummary; csrf: string }) {
  const more = summary.unread - summary.latest.length;
  return (
    <section class="notice" id="notifications-strip" aria-label="Unread notifications">
      <ul class="notes">
        {summary.latest.map((n) => (
          <li data-id={n.id}>
            <span class="small muted">{n.at.slice(0, 16).replace('T', ' ')} </span>
            {n.link ? <a href={n.link}>{n.text}</a> : n.text}
            <MarkReadForm id={n.id} csrf={csrf} />
          </li>
        ))}
      </ul>
      {more > 0 && (
        <a class="small" href="/notifications">
          {more} more unread
        </a>
      )}
    </section>
  );
}

export function MarkReadForm({ id, csrf }: { id: number; csrf: string }) {
  return (
    <form method="post" action={`/notifications/${id}/read`} class="inline-form">
      <input type="hidden" name="csrf" value={csrf} />
      <button type="submit">Mark read</button>
    </form>
  );
}
