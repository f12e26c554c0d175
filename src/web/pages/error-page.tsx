import type { Session } from '../../store/sessions.js';
import { Layout } from '../layout.js';

/** `code` is the API's error code, kept out of sight for scripts and tests that fetch a page. */
export function ErrorPage({ status, code, message, session }: { status: number; code: string; message: string; session?: Session }) {
  return (
    <Layout title={`Error ${status}`} session={session}>
      <h1>Error {status}</h1>
      <p class="panel" data-code={code}>
        {message}
      </p>
      <p>
        <a href="/">Back to the summary</a>
      </p>
    </Layout>
  );
}
