// The widget's WebSocket: says hello on every (re)connection, reconnects with exponential backoff and jitter,
// at once after a resync request, never after its identity was refused.
import { CLOSE, type ClientFrame, type ServerFrame } from './protocol.ts';
import { backoffDelay } from './thread.ts';

export type ConnectionStatus = 'idle' | 'connecting' | 'online' | 'offline' | 'refused';

export type ConnectionOptions = {
  url: string;
  hello: () => Extract<ClientFrame, { type: 'hello' }>;
  onFrame: (frame: ServerFrame) => void;
  onStatus: (status: ConnectionStatus) => void;
};

export function createConnection(options: ConnectionOptions) {
  let socket: WebSocket | null = null;
  let ready = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let status: ConnectionStatus = 'idle';

  const setStatus = (next: ConnectionStatus) => {
    if (status === next) return;
    status = next;
    options.onStatus(next);
  };

  function connect() {
    clearTimeout(timer);
    if (socket || status === 'refused') return;
    setStatus(attempt === 0 ? 'connecting' : 'offline');
    const ws = new WebSocket(options.url);
    socket = ws;
    ws.onopen = () => ws.send(JSON.stringify(options.hello()));
    ws.onmessage = (event) => {
      let frame: ServerFrame;
      try {
        frame = JSON.parse(String(event.data)) as ServerFrame;
      } catch {
        return;
      }
      if (frame.type === 'ready') {
        ready = true;
        attempt = 0;
        setStatus('online');
      }
      options.onFrame(frame);
    };
    ws.onclose = (event) => {
      socket = null;
      ready = false;
      if (event.code === CLOSE.identityRefused) return setStatus('refused');
      setStatus('offline');
      // A resync asks for an immediate catch-up; spread over 2 s so a whole server's visitors do not return at once.
      const delay = event.code === CLOSE.resync ? Math.random() * 2000 : backoffDelay(attempt++);
      timer = setTimeout(connect, delay);
    };
  }

  // Back online or back on the tab: no reason to wait for the backoff.
  const retryNow = () => {
    if (!socket && status === 'offline') {
      attempt = 0;
      connect();
    }
  };
  addEventListener('online', retryNow);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && retryNow());

  return {
    start: connect,
    /** False when not connected: the caller keeps the frame (messages are resent after the next hello). */
    send(frame: ClientFrame): boolean {
      if (!socket || !ready || socket.readyState !== WebSocket.OPEN) return false;
      socket.send(JSON.stringify(frame));
      return true;
    },
    status: () => status,
  };
}
