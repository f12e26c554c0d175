import { Layout } from '../layout.js';

export function LoginPage({ next, error }: { next: string; error?: string }) {
  return (
    <Layout title="Sign in">
      <div class="login panel">
        <h1>Sign in</h1>
        {error && <p class="error" role="alert">{error}</p>}
        <form method="post" action="/login">
          <input type="hidden" name="next" value={next} />
          <label for="username">Username</label>
          <input id="username" name="username" autocomplete="username" required autofocus />
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
          <button class="primary" type="submit">Sign in</button>
        </form>
      </div>
    </Layout>
  );
}
