// Real local endpoints for tests: an HTTP server that records requests, and an SMTP server that records mail.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export type RecordedRequest = { method: string; url: string; headers: IncomingHttpHeaders; body: string };

export async function startHttpRecorder(answer: (req: RecordedRequest) => { status: number; body?: unknown } = () => ({ status: 200, body: { ok: true } })) {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      requests.push(recorded);
      const out = answer(recorded);
      res.writeHead(out.status, { 'content-type': 'application/json' });
      res.end(out.body === undefined ? '' : JSON.stringify(out.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise<void>((r) => server.close(() => r())) };
}

export type ReceivedMail = { from: string; to: string[]; subject: string; text: string; parsed: ParsedMail };

/** A real SMTP server that keeps each whole message, or answers RCPT with `refuse` (e.g. 550, 451). */
export async function startSmtpRecorder(options: { refuse?: number } = {}) {
  const mails: ReceivedMail[] = [];
  const { refuse } = options;
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onRcptTo(_address, _session, callback) {
      callback(refuse ? Object.assign(new Error(refuse >= 500 ? 'no such user' : 'try again later'), { responseCode: refuse }) : undefined);
    },
    onData(stream, session, callback) {
      simpleParser(stream).then((parsed) => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address), subject: parsed.subject ?? '', text: parsed.text ?? '', parsed,
        });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((r) => server.close(() => r())) };
}
