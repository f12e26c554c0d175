import type { Session } from '../../store/sessions.js';
import { Layout } from '../layout.js';

export function ErrorPage({ status, message, session }: { status: number; message: string; session?: Session }) {
  return (
    <Layout title={`Error ${status}`} session={session}>
      <h1>Error {status}</h1>
      <p class="panel">{message}</p>
      <p>
        <a href="/">Back to the summary</a>
      </p>
    </Layout>
  );
}
