import type { Session } from '../../store/sessions.js';
import { Layout } from '../layout.js';

/** The account page: the person's name and job title (once past a one-time password), and their password. */
export function PasswordPage({ session, error, profileError }: { session: Session; error?: string; profileError?: string }) {
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
      {!session.user.mustChangePassword && <ProfileForm session={session} error={profileError} />}
    </Layout>
  );
}

function ProfileForm({ session, error }: { session: Session; error?: string }) {
  const { displayName, jobTitle } = session.user;
  return (
    <div class="login panel" id="profile">
      <h2>Your name and job title</h2>
      <p class="small muted">How records name you: "signed off by Dr Jane Smith (Clinical Safety Officer)". Empty, they show your username.</p>
      {error && <p class="error" role="alert">{error}</p>}
      <form method="post" action="/account/profile">
        <input type="hidden" name="csrf" value={session.csrfToken} />
        <label for="displayName">Name</label>
        <input id="displayName" name="displayName" maxlength={100} value={displayName} autocomplete="name" />
        <label for="jobTitle">Job title</label>
        <input id="jobTitle" name="jobTitle" maxlength={100} value={jobTitle} autocomplete="organization-title" />
        <button class="primary" type="submit">Save</button>
      </form>
    </div>
  );
}
