/**
 * A TCP hop between an agent and the hub that can lose the hub's answers: the
 * hub has stored the report and replied, but the agent never hears so, as when
 * the hub dies between its commit and the reply reaching the agent. A crash
 * alone hits that window only by luck; this makes it certain.
 */
import { connect, createServer, type Socket } from 'node:net';

export interface AnswerDroppingProxy {
  url: string;
  /** Swallows whatever the hub sends back from now on; resolves once a reply has been swallowed. */
  dropAnswers(): Promise<void>;
  /** Closes every open connection, as a dead hub's would be, and forwards replies again. */
  cut(): void;
  close(): Promise<void>;
}

export function startAnswerDroppingProxy(hubPort: number): Promise<AnswerDroppingProxy> {
  const open = new Set<Socket>();
  let dropped: (() => void) | undefined;
  const server = createServer((agent) => {
    const hub = connect(hubPort, '127.0.0.1');
    const pair = [agent, hub];
    for (const socket of pair) {
      open.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        open.delete(socket);
        for (const other of pair) other.destroy();
      });
    }
    agent.pipe(hub);
    hub.on('data', (chunk: Buffer) => (dropped ? dropped() : agent.write(chunk)));
  });
  const cut = () => {
    for (const socket of open) socket.destroy();
    dropped = undefined;
  };
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (typeof address !== 'object' || !address) return reject(new Error('the proxy has no address'));
      resolve({
        url: `http://127.0.0.1:${address.port}`,
        dropAnswers: () => new Promise((swallowed) => (dropped = swallowed)),
        cut,
        close: () => {
          cut();
          return new Promise((closed) => server.close(() => closed()));
        },
      });
    });
  });
}
