// The chat channel's public endpoints. The channel's webhook key is public (it is in the embed snippet): it names
// the channel, it authorizes nothing. Visitors are told apart by their own random id, and sites by Origin.
//   GET /hooks/chat/:key/ws         the visitor's WebSocket (protocol: src/widget/protocol.ts)
//   GET /hooks/chat/widget.js       the widget (key in data-relais-key), same bundle for every channel
//   GET /hooks/chat/:key/widget.js  the same, the key read from the script's own URL
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from '@fastify/websocket';
import { AppError } from '../../errors.ts';
import type { ChannelDeps, ChannelRecord } from '../channel-adapter.ts';
import { channelByWebhookKey } from '../channels.service.ts';
import { ensureWebsocket } from '../../realtime/ensure-websocket.ts';
import { realtimeBusOf } from '../../realtime/shared-realtime-bus.ts';
import type { ChatSettings } from './chat-settings.ts';
import { createChatHub } from './chat-hub.ts';
import { serveVisitor } from './chat-session.ts';
import { sendWidget } from './widget-asset.ts';

type KeyRequest = FastifyRequest<{ Params: { key: string } }>;
const KEY = /^[A-Za-z0-9_-]{8,100}$/;

async function chatChannel(deps: ChannelDeps, key: string) {
  if (!KEY.test(key)) throw new AppError('not_found', 'no chat channel at this address');
  return channelByWebhookKey<ChatSettings>(deps.db, 'chat', key);
}

export async function registerChatRoutes(app: FastifyInstance, deps: ChannelDeps): Promise<void> {
  await ensureWebsocket(app);
  const bus = await realtimeBusOf(app);
  const hub = createChatHub(deps.db, bus, app.log);
  app.addHook('onClose', async () => hub.close());
  const resolved = new WeakMap<FastifyRequest, { channel: ChannelRecord; settings: ChatSettings }>();

  app.get('/hooks/chat/:key/ws', {
    websocket: true,
    schema: { hide: true },
    config: { rateLimit: false },
    // Checked before the upgrade, so a refusal is a plain HTTP answer (404, 403) the browser reports.
    preHandler: async (request: KeyRequest) => {
      const found = await chatChannel(deps, request.params.key);
      const origin = request.headers.origin;
      const allowed = found.settings.allowedOrigins;
      if (allowed.length > 0 && (!origin || !allowed.includes(origin))) {
        throw new AppError('forbidden', 'this site is not allowed to open this chat');
      }
      resolved.set(request, found);
    },
  }, (socket: WebSocket, request: FastifyRequest) => {
    const found = resolved.get(request)!;
    serveVisitor(socket, { deps, bus, hub, channel: found.channel, settings: found.settings, log: request.log });
  });

  app.get('/hooks/chat/widget.js', { schema: { hide: true } }, sendWidget);
  app.get('/hooks/chat/:key/widget.js', { schema: { hide: true } }, async (request: KeyRequest, reply) => {
    await chatChannel(deps, request.params.key);
    return sendWidget(request, reply);
  });
}
