// Helpers for the email channel's tests: a tenant with an email channel and a running listener, real SMTP
// clients (Debian's swaks and nodemailer), and an SMTP server that keeps whole messages (headers included).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { startSmtpRecorder } from '../../testing/local-receivers.ts';
import type { ParsedMail } from 'mailparser';
import { loadConfig } from '../../config.ts';
import { createMetrics } from '../../ops/metrics.ts';
import { conversations, messages } from '../../db/schema/index.ts';
import { startTestServer } from '../../testing/test-server.ts';
import { adapterFor, registerAdapter } from '../registry.ts';
import { createConfiguredChannel } from '../channels.service.ts';
import type { ChannelDeps } from '../channel-adapter.ts';
import { emailAdapter } from './adapter.ts';
import { startEmailListener } from './smtp-listener.ts';

export const SUPPORT = 'support@ter-azur.example';

export async function startEmailFixture(options: { maxAttachmentBytes?: number } = {}) {
  if (!adapterFor('email')) registerAdapter(emailAdapter);
  const server = await startTestServer();
  const tenant = await server.createTenant('ter-azur');
  const db = server.database.db;
  const channel = await createConfiguredChannel(db, tenant.orgId, {
    type: 'email', name: 'Email', settings: {
      addresses: [SUPPORT, 'Contact@Ter-Azur.example'], fromName: 'Service client TER Azur',
      ...(options.maxAttachmentBytes !== undefined ? { maxAttachmentBytes: options.maxAttachmentBytes } : {}),
    },
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'relais-email-'));
  const deps: ChannelDeps = { db, queue: undefined, config: loadConfig({ RELAIS_LOG_LEVEL: 'silent', RELAIS_DATA_DIR: dataDir }), metrics: createMetrics() };
  const listener = await startEmailListener(deps, { port: 0, host: '127.0.0.1' });
  const client = nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true });
  return {
    server, tenant, db, channel, dataDir, deps, listener, client,
    /** The stored message with this Message-ID, and its conversation. */
    async stored(messageId: string) {
      const [row] = await db.select({ message: messages, conversation: conversations }).from(messages)
        .innerJoin(conversations, eq(conversations.id, messages.conversationId))
        .where(and(eq(messages.channelId, channel.id), eq(messages.externalId, messageId)));
      return row;
    },
    async countWith(messageId: string) {
      return (await db.select({ id: messages.id }).from(messages).where(and(eq(messages.channelId, channel.id), eq(messages.externalId, messageId)))).length;
    },
    async close() {
      client.close();
      await listener.stop();
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export type SwaksResult = { code: number | null; output: string };

/** Runs Debian's swaks against the listener; `output` holds the whole SMTP dialogue. */
export function swaks(port: number, args: string[]): Promise<SwaksResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('swaks', ['--server', '127.0.0.1', '--port', String(port), '--timeout', '20', ...args]);
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

export type CapturedMail = { envelope: { from: string; to: string[] }; parsed: ParsedMail };

/** The shared SMTP recorder, with each mail as its envelope and parsed message. */
export async function startMailCapture(refuse?: number) {
  const recorder = await startSmtpRecorder({ refuse });
  return {
    url: recorder.url,
    get mails(): CapturedMail[] {
      return recorder.mails.map((m) => ({ envelope: { from: m.from, to: m.to }, parsed: m.parsed }));
    },
    close: recorder.close,
  };
}
