// GET /api/realtime: the desk's live feed. A WebSocket that pushes the caller's organization's events (ids and a
// kind; the app then reads what it needs through the API) and takes the agent's typing and read signals.
// Authentication: the session cookie (same-origin pages only) or an API token (Authorization header, or
// ?token= since browsers cannot set headers on a WebSocket).
import { getMessageInConversation } from '../conversations/messages.service.ts';
import { keepAlive } from './keep-alive.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from '@fastify/websocket';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { SESSION_COOKIE } from '../http/authenticate.ts';
import { resolveApiToken, resolveSession } from '../accounts/sessions.service.ts';
import { getConversation } from '../conversations/conversations.service.ts';
import { ensureWebsocket } from './ensure-websocket.ts';
import { realtimeBusOf } from './shared-realtime-bus.ts';
import { isAgentEvent } from './realtime-events.ts';
import { scopedDelivery } from './scoped-delivery.ts';

const HEARTBEAT_MS = 30_000;
/** A client that cannot keep up is dropped rather than buffered without limit; it resyncs on reconnection. */
const MAX_BUFFERED_BYTES = 1_000_000;
const TYPING_EVERY_MS = 2_000;

const agentFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('typing'), conversationId: z.uuid() }),
  z.object({ type: z.literal('read'), conversationId: z.uuid(), messageId: z.uuid() }),
  z.object({ type: z.literal('ping') }),
]);

const queryToken = (request: FastifyRequest) => {
  const token = (request.query as { token?: unknown } | undefined)?.token;
  return typeof token === 'string' && token.length > 0 ? token : undefined;
};

export async function realtimeRoutes(app: FastifyInstance) {
  await ensureWebsocket(app);
  const bus = await realtimeBusOf(app);
  const { db } = app.ctx.database;
  const publicOrigin = app.ctx.config.publicUrl ? new URL(app.ctx.config.publicUrl).origin : null;

  /** Is the caller still allowed? Sessions expire and tokens are revoked while a socket stays open. */
  async function stillAuthenticated(request: FastifyRequest): Promise<boolean> {
    const token = queryToken(request) ?? /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (request.auth?.via === 'token' && token) return (await resolveApiToken(db, token)) !== null;
    const cookie = request.cookies[SESSION_COOKIE];
    return cookie ? (await resolveSession(db, cookie)) !== null : false;
  }

  app.get('/realtime', {
    websocket: true,
    // Long-lived and cheap once open; the upgrade itself is authenticated.
    config: { rateLimit: false },
    schema: { hide: true },
    preHandler: async (request) => {
      const token = queryToken(request);
      if (!request.auth && token) {
        const resolved = await resolveApiToken(db, token);
        if (!resolved) throw new AppError('unauthenticated', 'API token is invalid or revoked');
        request.auth = resolved.auth;
      }
      if (!request.auth) throw new AppError('unauthenticated', 'sign in or pass an API token (?token=)');
      // A cookie rides along with any page's WebSocket: only our own pages may use it (cross-site hijacking).
      const origin = request.headers.origin;
      if (request.auth.via === 'session' && origin && !sameOrigin(origin, request.host, publicOrigin)) {
        throw new AppError('forbidden', 'this origin may not open the realtime feed with a session cookie');
      }
    },
  }, (socket: WebSocket, request: FastifyRequest) => {
    const auth = request.auth!;
    const send = (data: object) => {
      if (socket.readyState !== socket.OPEN) return;
      if (socket.bufferedAmount > MAX_BUFFERED_BYTES) return socket.terminate();
      socket.send(JSON.stringify(data));
    };
    // Tenancy: only the caller's organization's events (and the resync signal, which names no tenant); experts
    // and provider agents only those of conversations in their scope (scoped-delivery.ts).
    const deliver = scopedDelivery(db, auth, send, (err) => request.log.error({ err }, 'realtime scope check failed'));
    const unsubscribe = bus.subscribe((orgId, event) => {
      if (isAgentEvent(event)) deliver(orgId, event);
    });

    const lastTyping = new Map<string, number>();
    socket.on('message', (raw: Buffer) => {
      void (async () => {
        let frame: z.infer<typeof agentFrame>;
        try {
          frame = agentFrame.parse(JSON.parse(raw.toString('utf8')));
        } catch {
          return send({ kind: 'error', code: 'invalid_frame', message: 'expected {type: typing|read|ping, …}' });
        }
        if (frame.type === 'ping') return send({ kind: 'pong' });
        await getConversation(db, auth, frame.conversationId); // 404 for another tenant's conversation, or one out of scope
        if (frame.type === 'typing') {
          const now = Date.now();
          if (now - (lastTyping.get(frame.conversationId) ?? 0) < TYPING_EVERY_MS) return;
          lastTyping.set(frame.conversationId, now);
          await bus.publish(auth.orgId, { kind: 'typing', conversationId: frame.conversationId, actor: 'agent', userId: auth.userId });
        } else {
          const message = await getMessageInConversation(db, auth.orgId, frame.conversationId, frame.messageId);
          await bus.publish(auth.orgId, { kind: 'message.read', conversationId: frame.conversationId, messageId: message.id, by: 'agent' });
        }
      })().catch((err: unknown) => {
        const known = err instanceof AppError;
        if (!known) request.log.error({ err }, 'realtime frame failed');
        send({ kind: 'error', code: known ? err.code : 'internal', message: known ? err.message : 'internal error' });
      });
    });

    // Heartbeat: drop dead peers, and close when the session or token stops being valid.
    const heartbeat = keepAlive(socket, HEARTBEAT_MS, () => {
      stillAuthenticated(request).then((ok) => { if (!ok) socket.close(4401, 'signed out'); }, () => undefined);
    });
    socket.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });
}

function sameOrigin(origin: string, host: string, publicOrigin: string | null): boolean {
  try {
    const url = new URL(origin);
    return url.host === host || url.origin === publicOrigin;
  } catch {
    return false;
  }
}
