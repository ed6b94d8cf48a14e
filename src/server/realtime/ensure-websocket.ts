// @fastify/websocket must be registered once per server: each registration listens to the server's 'upgrade'
// event, and two listeners would both try to upgrade the same socket. The app registers it at its root; a plugin
// used on an app that does not (yet) falls back to its own scope, and refuses to be the second one to do so.
import type { FastifyInstance } from 'fastify';
import websocket from '@fastify/websocket';

/** Frames larger than this close the socket (ws's code 1009): chat texts are capped far below. */
export const WEBSOCKET_OPTIONS = { options: { maxPayload: 64 * 1024 } };

export async function ensureWebsocket(app: FastifyInstance): Promise<void> {
  if (app.hasDecorator('websocketServer')) return;
  if (app.server.listenerCount('upgrade') > 0) {
    throw new Error('@fastify/websocket must be registered once at the root of the app (http/app.ts) when several plugins serve WebSockets');
  }
  await app.register(websocket, WEBSOCKET_OPTIONS);
}
