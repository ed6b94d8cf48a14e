// The website chat: a widget on the brand's pages talking to Relais over a WebSocket.
import type { ChannelAdapter } from '../channel-adapter.ts';
import type { Db } from '../../db/client.ts';
import { publishRealtime } from '../../realtime/publish-realtime.ts';
import { chatSettingsSchema, type ChatSettings } from './chat-settings.ts';
import { registerChatRoutes } from './chat-routes.ts';

/** send() has no deps of its own: the database is remembered from the routes' registration. */
let database: Db | undefined;

export const chatAdapter: ChannelAdapter<ChatSettings> = {
  type: 'chat',
  settingsSchema: chatSettingsSchema,
  async registerRoutes(app, deps) {
    database = deps.db;
    await registerChatRoutes(app, deps);
  },
  /**
   * The reply is already stored: announce it on the bus, and whichever process holds the visitor's socket(s)
   * pushes it. A visitor who is not connected gets it at their next hello (catch-up), so this is `ok` either way.
   */
  async send(message) {
    if (!database) return { ok: false, retryable: true, reason: 'the chat channel is not started in this process' };
    try {
      await publishRealtime(database, message.orgId, { kind: 'chat.push', conversationId: message.conversationId, messageId: message.messageId });
      return { ok: true };
    } catch (err) {
      return { ok: false, retryable: true, reason: `realtime publish failed: ${(err as Error).message}` };
    }
  },
};
