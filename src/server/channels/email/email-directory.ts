// Which email channel receives for which address. Settings are sealed, so addresses cannot be searched in SQL:
// the email channels are opened once and kept for a few seconds (a newly configured address works at once:
// an unknown address triggers a reload). When two channels claim one address, the first configured keeps it,
// so a tenant cannot divert another brand's mail by typing its address into a channel of its own.
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { channels } from '../../db/schema/index.ts';
import { channelById } from '../channels.service.ts';
import type { ChannelRecord } from '../channel-adapter.ts';
import type { EmailSettings } from './email-settings.ts';

export type EmailChannel = { channel: ChannelRecord; settings: EmailSettings };

const FRESH_MS = 10_000;
const MIN_RELOAD_MS = 1_000;

export function createEmailDirectory(db: Db, onError: (err: unknown, channelId: string) => void = () => {}) {
  let byAddress = new Map<string, EmailChannel>();
  let all: EmailChannel[] = [];
  let loadedAt = 0;
  let loading: Promise<void> | undefined;

  async function load() {
    // A channel created but not configured yet (no settings at all) receives nothing: that is not an error.
    const rows = await db.select({ id: channels.id }).from(channels).where(and(eq(channels.type, 'email'), isNotNull(channels.settingsEncrypted)))
      .orderBy(asc(channels.createdAt), asc(channels.id));
    const next = new Map<string, EmailChannel>();
    const opened: EmailChannel[] = [];
    for (const { id } of rows) {
      // One channel with unreadable settings must not stop the others from receiving.
      const one = await channelById<EmailSettings>(db, id).catch((err) => (onError(err, id), null));
      if (one) opened.push(one);
      for (const address of one?.settings.addresses ?? []) if (!next.has(address)) next.set(address, one!);
    }
    byAddress = next;
    all = opened;
    loadedAt = Date.now();
  }

  function reload() {
    loading ??= load().finally(() => (loading = undefined));
    return loading;
  }

  return {
    /** The channel receiving for this address, or undefined (the SMTP listener answers 550). */
    async find(address: string): Promise<EmailChannel | undefined> {
      const key = address.trim().toLowerCase();
      const age = Date.now() - loadedAt;
      if (age > FRESH_MS || (!byAddress.has(key) && age > MIN_RELOAD_MS)) await reload();
      return byAddress.get(key);
    },
    /** Every email channel whose settings open, oldest first (the mailbox poller's list), at most maxAgeMs old. */
    async list(maxAgeMs = FRESH_MS): Promise<EmailChannel[]> {
      if (Date.now() - loadedAt > maxAgeMs) await reload();
      return all;
    },
    /** Whether an address belongs to an email channel (kept out of a conversation's CC: the brand is not its own copy). */
    isSupportAddress(address: string): boolean {
      return byAddress.has(address.trim().toLowerCase());
    },
  };
}

export type EmailDirectory = ReturnType<typeof createEmailDirectory>;
