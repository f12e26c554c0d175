import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { Session } from '../store/sessions.js';
import { NotificationsStrip } from './components/notifications-strip.js';
import { SiteNav } from './components/site-nav.js';
import { currentPathOf } from './current-path.js';
import { flashOf } from './flash.js';
import { peopleOf } from './people-directory.js';
import { notificationSummary } from './notification-summary.js';
import { APP_CSS } from './styles.js';

export interface LayoutProps {
  title: string;
  session?: Session;
  /** One self-contained file (stylesheet inlined, no navigation): what the PDF is printed from. */
  standalone?: boolean;
  children?: Child;
}

/** Every page's frame: navigation for the signed-in, the sign-out form with its token. */
export function Layout({ title, session, standalone, children }: LayoutProps) {
  const notifications = session && notificationSummary(session);
  const flash = session && !standalone ? flashOf(session) : undefined;
  const people = session && !standalone ? peopleOf(session) : undefined;
  // The doctype keeps Chromium out of quirks mode (forms with a bottom margin, tables not inheriting the type).
  return (
    <>
      {raw('<!doctype html>')}
      <html lang="en-GB">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{title} · estatewatch</title>
          {standalone ? <style dangerouslySetInnerHTML={{ __html: APP_CSS }} /> : <link rel="stylesheet" href="/static/app.css" />}
          {!standalone && <link rel="icon" href="/favicon.svg" type="image/svg+xml" />}
        </head>
        <body>
          {!standalone && (
            <a class="skip-link" href="#main">
              Skip to main content
            </a>
          )}
          <header>
            <a class="brand" href="/">estatewatch</a>
            {session && !standalone && (
              <>
                <SiteNav role={session.user.role} path={currentPathOf(session)} unread={notifications?.unread ?? 0} />
                <form method="post" action="/logout">
                  <input type="hidden" name="csrf" value={session.csrfToken} />
                  <a class="small account" href="/account/password">{session.user.displayName || session.user.username} ({session.user.role})</a>{" "}
                  <button type="submit">Sign out</button>
                </form>
              </>
            )}
          </header>
          <main id="main" tabindex={-1}>
            {flash && (
              <p class="notice" role="status" id="flash">
                {flash}
              </p>
            )}
            {session && !standalone && notifications && notifications.unread > 0 && <NotificationsStrip summary={notifications} csrf={session.csrfToken} />}
            {children}
            {people && (
              <datalist id="people">
                {[...people].map(([username, label]) => (
                  <option value={username}>{label}</option>
                ))}
              </datalist>
            )}
          </main>
        </body>
      </html>
    </>
  );
}
