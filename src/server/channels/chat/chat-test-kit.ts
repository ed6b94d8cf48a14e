// Tests only: a listening test server with the chat adapter, chat channels, and visitors on real WebSockets.
import { startTestServer, bearer, type Tenant, type TestServer } from '../../testing/test-server.ts';
import { adapterFor, registerAdapter } from '../registry.ts';
import { createConfiguredChannel } from '../channels.service.ts';
import { dispatchDue } from '../../outbox/dispatch-outbox.ts';
import { openSocket, type OpenOptions, type TestSocket } from '../../realtime/ws-test-client.ts';
import { chatAdapter } from './adapter.ts';

export type ChatChannel = Awaited<ReturnType<typeof createConfiguredChannel>> & { settings: Record<string, unknown> };

export async function startChatKit() {
  if (!adapterFor('chat')) registerAdapter(chatAdapter);
  const server: TestServer = await startTestServer();
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  const base = `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const { db } = server.database;

  const kit = {
    server, db, httpBase: `http://${base}`,
    async chatChannel(tenant: Tenant, settings: Record<string, unknown> = {}): Promise<ChatChannel> {
      const channel = await createConfiguredChannel(db, tenant.orgId, { type: 'chat', name: 'Site', settings });
      return { ...channel, settings };
    },
    visitor: (key: string, options?: OpenOptions) => openSocket(`ws://${base}/hooks/chat/${key}/ws`, options),
    /** Opens a socket and says hello; answers the socket and the first ready (or error) frame. */
    async hello(key: string, frame: Record<string, unknown> = {}, options?: OpenOptions): Promise<{ socket: TestSocket; ready: any }> {
      const socket = await kit.visitor(key, options);
      socket.send({ type: 'hello', locale: 'fr', ...frame });
      return { socket, ready: await socket.next((f) => f.type === 'ready' || f.type === 'error') };
    },
    /** Sends and waits for the ack (or error) of one message. */
    async say(socket: TestSocket, text: string, clientMessageId = `cm-${crypto.randomUUID()}`) {
      socket.send({ type: 'message', clientMessageId, text });
      return socket.next((f) => (f.type === 'ack' || f.type === 'error') && f.clientMessageId === clientMessageId);
    },
    /** An agent's reply through the API (stored with its outbox row); `deliver` runs the outbox, which calls chat send(). */
    async agentReply(tenant: Tenant, conversationId: string, body: string, deliver = true) {
      const res = await server.app.inject({ method: 'POST', url: `/api/conversations/${conversationId}/messages`, headers: bearer(tenant.adminToken), payload: { body } });
      if (res.statusCode !== 201) throw new Error(`reply refused: ${res.statusCode} ${res.body}`);
      if (deliver) await kit.dispatch();
      return (JSON.parse(res.body) as { id: string }).id;
    },
    /** One pass of the lead's outbox dispatcher: every due reply goes through its adapter's send(). */
    dispatch: () => dispatchDue(db),
  };
  return kit;
}

export type ChatKit = Awaited<ReturnType<typeof startChatKit>>;
