// A real HTTP server on 127.0.0.1 that speaks the Chat Completions API, for tests: it records each
// request and answers with what the test scripted (a reply, an HTTP error, garbage, or silence).
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RecordedRequest = { method: string; url: string; headers: IncomingHttpHeaders; body: any };

export type ScriptedAnswer =
  | { reply: string; finishReason?: string }
  | { status: number; body: string }
  | { hangMs: number };

export type FakeChatServer = {
  /** e.g. `http://127.0.0.1:54321/v1` */
  baseUrl: string;
  requests: RecordedRequest[];
  /** What the next requests get; a function sees the request first. */
  answer(next: ScriptedAnswer | ((request: RecordedRequest) => ScriptedAnswer)): void;
  close(): Promise<void>;
};

export async function startFakeChatServer(): Promise<FakeChatServer> {
  const requests: RecordedRequest[] = [];
  let script: ScriptedAnswer | ((request: RecordedRequest) => ScriptedAnswer) = { reply: 'ok' };
  const hanging = new Set<NodeJS.Timeout>();

  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      let body: unknown = raw;
      try {
        body = JSON.parse(raw);
      } catch {
        // recorded as text
      }
      const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      requests.push(request);
      const answer = typeof script === 'function' ? script(request) : script;
      if ('hangMs' in answer) {
        const timer = setTimeout(() => res.end(), answer.hangMs);
        hanging.add(timer);
        return;
      }
      if ('status' in answer) {
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({
        id: `chatcmpl-${requests.length}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: (body as { model?: string }).model ?? 'unknown',
        choices: [{ index: 0, message: { role: 'assistant', content: answer.reply }, finish_reason: answer.finishReason ?? 'stop' }],
        usage: { prompt_tokens: Math.ceil(raw.length / 4), completion_tokens: Math.ceil(answer.reply.length / 4), total_tokens: 0 },
      }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    answer: (next) => {
      script = next;
    },
    close: async () => {
      for (const timer of hanging) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
