import type { Session } from '../../store/sessions.js';
import { Layout } from '../layout.js';

export function PasswordPage({ session, error }: { session: Session; error?: string }) {
  return (
    <Layout title="Change password" session={session}>
      <div class="login panel">
        <h1>Change password</h1>
        {session.user.mustChangePassword && (
          <p class="notice">You signed in with a one-time password. Choose your own (at least 12 characters) to continue.</p>
        )}
        {error && <p class="error" role="alert">{error}</p>}
        <form method="post" action="/account/password">
          <input type="hidden" name="csrf" value={session.csrfToken} />
          <label for="currentPassword">Current password</label>
          <input id="currentPassword" name="currentPassword" type="password" autocomplete="current-password" required />
          <label for="newPassword">New password</label>
          <input id="newPassword" name="newPassword" type="password" autocomplete="new-password" minlength={12} required />
          <button class="primary" type="submit">Change password</button>
        </form>
      </div>
    </Layout>
  );
}
