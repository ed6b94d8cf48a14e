// A real WebSocket client for tests (the `ws` package), with a queue of received JSON frames to await in order.
import WebSocket from 'ws';

export type TestSocket = {
  ws: WebSocket;
  /** Every frame received so far, parsed. */
  frames: any[];
  send(frame: object): void;
  /** The first not-yet-taken frame matching `match`, waiting up to `timeoutMs`. */
  next(match?: (frame: any) => boolean, timeoutMs?: number): Promise<any>;
  /** Fails if a frame matching `match` arrives within `ms`. */
  expectNone(match: (frame: any) => boolean, ms?: number): Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  close(): Promise<void>;
};

export type OpenOptions = { headers?: Record<string, string>; origin?: string };

export function openSocket(url: string, options: OpenOptions = {}): Promise<TestSocket> {
  const ws = new WebSocket(url, { headers: options.headers, ...(options.origin ? { origin: options.origin } : {}) });
  const frames: any[] = [];
  const taken = new Set<number>();
  const waiters = new Set<() => void>();
  ws.on('message', (data: Buffer) => {
    frames.push(JSON.parse(data.toString('utf8')));
    for (const wake of [...waiters]) wake();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on('close', (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() }));
  });

  const find = (match: (f: any) => boolean) => frames.findIndex((f, i) => !taken.has(i) && match(f));
  const socket: TestSocket = {
    ws, frames, closed,
    send: (frame) => ws.send(JSON.stringify(frame)),
    next: (match = () => true, timeoutMs = 3000) => new Promise((resolve, reject) => {
      const check = () => {
        const i = find(match);
        if (i < 0) return false;
        taken.add(i);
        waiters.delete(check);
        clearTimeout(timer);
        resolve(frames[i]);
        return true;
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no matching frame within ${timeoutMs} ms; received: ${JSON.stringify(frames)}`));
      }, timeoutMs);
      if (!check()) waiters.add(check);
    }),
    expectNone: async (match, ms = 300) => {
      await new Promise((r) => setTimeout(r, ms));
      const i = find(match);
      if (i >= 0) throw new Error(`unexpected frame: ${JSON.stringify(frames[i])}`);
    },
    close: async () => {
      if (ws.readyState === WebSocket.CLOSED) return;
      ws.close();
      await closed;
    },
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(socket));
    ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { statusCode: res.statusCode })));
    ws.once('error', reject);
  });
}

/** The HTTP status that refused the upgrade (the test fails if the socket opens). */
export async function refusedStatus(url: string, options: OpenOptions = {}): Promise<number> {
  try {
    const socket = await openSocket(url, options);
    await socket.close();
  } catch (err) {
    const status = (err as { statusCode?: number }).statusCode;
    if (status) return status;
    throw err;
  }
  throw new Error(`the WebSocket at ${url} opened`);
}
