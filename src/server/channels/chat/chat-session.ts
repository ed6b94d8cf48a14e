// One visitor's socket: frames are handled one at a time, in order (a message sent right after hello waits for
// it), with a heartbeat and limits so one page cannot flood the server.
import { keepAlive } from '../../realtime/keep-alive.ts';
import type { WebSocket } from '@fastify/websocket';
import { CLOSE, type ClientFrame, type ServerFrame } from '../../../widget/protocol.ts';
import type { ChatContext, VisitorState } from './chat-context.ts';
import type { LiveVisitor } from './chat-hub.ts';
import { parseClientFrame } from './chat-frames.ts';
import { greet } from './chat-hello.ts';
import { quickReplyLabel, receiveVisitorMessage } from './chat-inbound.ts';
import { leaveEmail, rateConversation, visitorRead, visitorTyping } from './chat-visitor-actions.ts';

const HELLO_WITHIN_MS = 10_000;
const HEARTBEAT_MS = 30_000;
const MAX_FRAMES_PER_10S = 40;
const MAX_MESSAGES_PER_10S = 8;
const TYPING_EVERY_MS = 3_000;
const MAX_BUFFERED_BYTES = 1_000_000;

/** Sliding window: how many events in the last 10 s, counting this one. */
function windowCounter() {
  const times: number[] = [];
  return () => {
    const now = Date.now();
    while (times.length > 0 && now - times[0]! > 10_000) times.shift();
    times.push(now);
    return times.length;
  };
}

export function serveVisitor(socket: WebSocket, ctx: ChatContext): void {
  let state: VisitorState | null = null;
  const send = (frame: ServerFrame) => {
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) return socket.terminate();
    socket.send(JSON.stringify(frame));
  };
  const live: LiveVisitor = {
    orgId: ctx.channel.orgId, channelId: ctx.channel.id, contactId: null, send,
    close: (code, reason) => socket.close(code, reason),
  };
  ctx.hub.add(live);

  const frames = windowCounter();
  const sent = windowCounter();
  let lastTyping = 0;
  let queue = Promise.resolve();
  socket.on('message', (data: Buffer) => {
    if (frames() > MAX_FRAMES_PER_10S) return socket.close(1008, 'too many frames');
    const raw = data.toString('utf8');
    queue = queue.then(() => handle(raw)).catch((err: unknown) => {
      ctx.log.error({ err }, 'chat frame failed');
      send({ type: 'error', code: 'internal', message: 'something went wrong: please try again' });
    });
  });

  async function handle(raw: string): Promise<void> {
    const frame = parseClientFrame(raw);
    if ('error' in frame) return send({ type: 'error', code: 'invalid_frame', message: frame.error });
    if (frame.type === 'ping') return send({ type: 'pong' });
    if (frame.type === 'hello') {
      const greeting = await greet(ctx, frame);
      if ('refused' in greeting) {
        send({ type: 'error', code: 'identity_invalid', message: greeting.refused });
        return socket.close(CLOSE.identityRefused, 'identity refused');
      }
      state = greeting.state;
      ctx.hub.bind(live, state.contactId);
      return send(greeting.ready);
    }
    if (!state) return send({ type: 'error', code: 'hello_first', message: 'send hello first' });
    await act(state, frame);
  }

  async function act(visitor: VisitorState, frame: Exclude<ClientFrame, { type: 'hello' | 'ping' }>): Promise<void> {
    switch (frame.type) {
      case 'message':
      case 'quick_reply': {
        if (sent() > MAX_MESSAGES_PER_10S) {
          return send({ type: 'error', code: 'rate_limited', message: 'slow down a little', clientMessageId: frame.clientMessageId });
        }
        if (frame.type === 'message') return send(await receiveVisitorMessage(ctx, live, visitor, frame));
        const label = await quickReplyLabel(ctx, visitor, frame.id);
        if (!label) return send({ type: 'error', code: 'no_quick_reply', message: 'this choice is no longer offered', clientMessageId: frame.clientMessageId });
        return send(await receiveVisitorMessage(ctx, live, visitor, { clientMessageId: frame.clientMessageId, text: label, metadata: { quickReply: frame.id } }));
      }
      case 'identify':
        return send(await leaveEmail(ctx, live, visitor, frame));
      case 'rating':
        return send(await rateConversation(ctx, visitor, frame));
      case 'read':
        return visitorRead(ctx, visitor, frame.messageId);
      case 'typing':
        if (Date.now() - lastTyping < TYPING_EVERY_MS) return;
        lastTyping = Date.now();
        return visitorTyping(ctx, visitor);
    }
  }

  const helloTimer = setTimeout(() => {
    if (!state) socket.close(CLOSE.helloTimeout, 'hello expected');
  }, HELLO_WITHIN_MS);
  const heartbeat = keepAlive(socket, HEARTBEAT_MS);
  helloTimer.unref();
  socket.on('close', () => {
    clearTimeout(helloTimer);
    clearInterval(heartbeat);
    ctx.hub.remove(live);
  });
}
