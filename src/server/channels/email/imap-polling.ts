// Polls the IMAP mailbox of every email channel that has one (settings.imap). One loop per channel, so a poll
// never overlaps the previous one; errors (wrong password, server down) are logged and retried with backoff,
// never thrown; the channel list is re-read every refresh, so new, changed and removed channels are followed
// without a restart. stop() lets the mail in hand be stored and marked, then logs out.
import type { Logger } from 'pino';
import type { ChannelDeps } from '../channel-adapter.ts';
import { createEmailDirectory } from './email-directory.ts';
import { pollMailbox, type MailboxChannel, type PollDeps } from './imap-mailbox.ts';
import type { ingestEmail } from './ingest-email.ts';

export type MailboxPollingOptions = {
  logger: Logger;
  /** How often the list of email channels is re-read. */
  refreshSeconds?: number;
  /** The length of a second in milliseconds: tests shorten time. */
  secondMs?: number;
  /** Replaces ingestEmail (tests make it fail). */
  ingest?: typeof ingestEmail;
};

export type MailboxPolling = { stop(): Promise<void> };

const MAX_BACKOFF_STEPS = 5; // the interval doubles up to 32 times
const MAX_BACKOFF_SECONDS = 30 * 60;

/** A sleep that stop() can cut short. */
function napper() {
  let wake = () => {};
  return {
    sleep: (ms: number) => new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => (clearTimeout(timer), resolve());
    }),
    wake: () => wake(),
  };
}

/** What is safe to log of an IMAP error: never the command (a LOGIN carries the password). */
const describe = (err: unknown) => {
  const e = err as Error & { code?: string; responseText?: string; authenticationFailed?: boolean };
  return { message: e.message, code: e.code, responseText: e.responseText, authenticationFailed: e.authenticationFailed };
};

const mailboxKey = ({ imap }: MailboxChannel['settings']) => `${imap.host}:${imap.port}/${imap.user}/${imap.mailbox}`.toLowerCase();

export function startMailboxPolling(deps: ChannelDeps, options: MailboxPollingOptions): MailboxPolling {
  const log = options.logger;
  const second = options.secondMs ?? 1000;
  const refreshMs = (options.refreshSeconds ?? 30) * second;
  const directory = createEmailDirectory(deps.db, (err, channelId) => log.error({ err, channelId }, 'email channel settings unreadable'));
  const pollDeps: PollDeps = {
    db: deps.db, queue: deps.queue, dataDir: deps.config.dataDir, metrics: deps.metrics,
    isSupportAddress: directory.isSupportAddress, ingest: options.ingest, log,
  };

  function startPoller(first: MailboxChannel) {
    let target = first;
    let stopped = false;
    let failures = 0;
    const nap = napper();
    const channelId = first.channel.id;
    const loop = (async () => {
      while (!stopped) {
        const { imap } = target.settings;
        const intervalMs = imap.pollSeconds * second;
        let delay = intervalMs;
        try {
          const result = await pollMailbox(target, { ...pollDeps, stopping: () => stopped });
          if (failures > 0) log.info({ channelId }, 'imap: mailbox reachable again');
          failures = 0;
          const { more, ...counts } = result;
          if (Object.values(counts).some((n) => n > 0)) log.info({ channelId, mailbox: imap.mailbox, ...counts }, 'imap: mailbox polled');
          if (more) delay = 0;
        } catch (err) {
          failures++;
          delay = Math.min(intervalMs * 2 ** Math.min(failures - 1, MAX_BACKOFF_STEPS), Math.max(intervalMs, MAX_BACKOFF_SECONDS * second));
          log.warn({ channelId, host: imap.host, user: imap.user, mailbox: imap.mailbox, failures, retryInSeconds: delay / second, err: describe(err) },
            'imap: mailbox poll failed, will retry');
        }
        if (!stopped) await nap.sleep(delay);
      }
      log.debug({ channelId }, 'imap: poller stopped');
    })();
    return {
      update(next: MailboxChannel) {
        const changed = JSON.stringify(next.settings.imap) !== JSON.stringify(target.settings.imap);
        target = next;
        // Corrected settings (a new password) are tried at once instead of after the backoff.
        if (changed && failures > 0) (failures = 0, nap.wake());
      },
      stop() {
        stopped = true;
        nap.wake();
        return loop;
      },
    };
  }

  const pollers = new Map<string, ReturnType<typeof startPoller>>();
  const retiring = new Set<Promise<void>>();
  const warned = new Set<string>();

  async function refresh() {
    const wanted = new Map<string, MailboxChannel>();
    const owners = new Map<string, string>();
    for (const found of await directory.list(refreshMs)) {
      if (!found.settings.imap) continue;
      const channel = found as MailboxChannel;
      const key = mailboxKey(channel.settings);
      const owner = owners.get(key);
      // Two pollers on one mailbox would race for the same mail: the channel configured first polls it.
      if (owner) {
        if (!warned.has(channel.channel.id)) log.warn({ channelId: channel.channel.id, polledBy: owner }, 'imap: mailbox already polled by another channel');
        warned.add(channel.channel.id);
        continue;
      }
      owners.set(key, channel.channel.id);
      wanted.set(channel.channel.id, channel);
    }
    for (const [id, poller] of pollers) {
      if (wanted.has(id)) continue;
      pollers.delete(id);
      const stopping = poller.stop();
      retiring.add(stopping);
      void stopping.finally(() => retiring.delete(stopping));
    }
    for (const [id, channel] of wanted) {
      const poller = pollers.get(id);
      if (poller) poller.update(channel);
      else pollers.set(id, startPoller(channel));
    }
  }

  let stopped = false;
  const nap = napper();
  const loop = (async () => {
    while (!stopped) {
      await refresh().catch((err) => log.error({ err }, 'imap: email channels not read, polling goes on with the last list'));
      if (!stopped) await nap.sleep(refreshMs);
    }
  })();

  return {
    async stop() {
      stopped = true;
      nap.wake();
      await loop;
      await Promise.all([...[...pollers.values()].map((p) => p.stop()), ...retiring]);
      pollers.clear();
    },
  };
}
