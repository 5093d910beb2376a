// A readiness signal for tests, instead of a sleep: a fixture function calls the gate's URL
// and waits for the answer; the test learns that the invocation is running (and what the
// function said in the query), and decides when it may go on.
import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Gate {
  readonly url: string;
  /** Resolves with the query of the `n`th call (1-based), once it has arrived. */
  arrival(n: number): Promise<URLSearchParams>;
  /** Answers every held call, and every later one at once. */
  release(): void;
  close(): Promise<void>;
}

export async function openGate(): Promise<Gate> {
  const arrived: URLSearchParams[] = [];
  const waiters: { n: number; resolve: (query: URLSearchParams) => void }[] = [];
  const held: ServerResponse[] = [];
  let open = false;
  const server = createServer((request, response) => {
    arrived.push(new URL(request.url ?? '/', 'http://gate').searchParams);
    for (const waiter of waiters.filter((w) => w.n <= arrived.length)) waiter.resolve(arrived[waiter.n - 1]!);
    if (open) response.end('open');
    else held.push(response);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    arrival: (n) =>
      arrived.length >= n ? Promise.resolve(arrived[n - 1]!) : new Promise((resolve) => waiters.push({ n, resolve })),
    release() {
      open = true;
      for (const response of held.splice(0)) response.end('open');
    },
    close: async () => {
      for (const response of held.splice(0)) response.end('closed');
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
