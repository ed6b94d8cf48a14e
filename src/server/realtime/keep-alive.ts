import type { WebSocket } from 'ws';

/**
 * Pings the peer every `intervalMs` and terminates it when the previous ping went unanswered: a vanished
 * laptop or phone must not hold a socket (and its subscriptions) forever. Returns the timer to clear on close.
 */
export function keepAlive(socket: WebSocket, intervalMs: number, onTick?: () => void): NodeJS.Timeout {
  let alive = true;
  socket.on('pong', () => { alive = true; });
  const timer = setInterval(() => {
    if (!alive) return socket.terminate();
    alive = false;
    socket.ping();
    onTick?.();
  }, intervalMs);
  timer.unref();
  return timer;
}
