// The desk's one WebSocket to /api/realtime, with reconnection (backoff up to 10 s) and a resync event after
// each reconnection. A close with code 4401 means the session ended: the socket asks the app to sign in again.
import type { AgentFrame, ConnectionStatus, RealtimeEvent } from './realtime-events.ts';

type Listener = (event: RealtimeEvent) => void;

export type RealtimeConnection = {
  status(): ConnectionStatus;
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  subscribe(listener: Listener): () => void;
  send(frame: AgentFrame): void;
  close(): void;
};

const MAX_BACKOFF_MS = 10_000;

export function openRealtime(options: { onSignedOut(): void; checkSession(): Promise<void> }): RealtimeConnection {
  const listeners = new Set<Listener>();
  const statusListeners = new Set<(status: ConnectionStatus) => void>();
  let status: ConnectionStatus = 'connecting';
  let socket: WebSocket | null = null;
  let attempts = 0;
  let everOpened = false;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const setStatus = (next: ConnectionStatus) => {
    if (next === status) return;
    status = next;
    for (const listener of statusListeners) listener(next);
  };
  const emit = (event: RealtimeEvent) => {
    for (const listener of listeners) listener(event);
  };

  function connect() {
    if (closed) return;
    const url = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/api/realtime`;
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      attempts = 0;
      setStatus('open');
      // Whatever happened while we were away: reload what is shown.
      if (everOpened) emit({ kind: 'resync' });
      everOpened = true;
    };
    ws.onmessage = (message) => {
      try {
        const event = JSON.parse(String(message.data)) as { kind: string };
        if (event.kind !== 'pong' && event.kind !== 'error') emit(event as RealtimeEvent);
      } catch {
        // not ours
      }
    };
    ws.onclose = (close) => {
      if (socket !== ws || closed) return;
      socket = null;
      if (close.code === 4401) return options.onSignedOut();
      setStatus('lost');
      const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** attempts++);
      // A refused upgrade looks like any lost connection: ask the API, whose 401 sends the person to the login page.
      timer = setTimeout(() => { options.checkSession().catch(() => undefined).finally(connect); }, delay);
    };
  }

  const retryNow = () => {
    if (socket || closed) return;
    clearTimeout(timer);
    connect();
  };
  window.addEventListener('online', retryNow);
  connect();

  return {
    status: () => status,
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    send(frame) {
      if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
    },
    close() {
      closed = true;
      clearTimeout(timer);
      window.removeEventListener('online', retryNow);
      socket?.close();
    },
  };
}
