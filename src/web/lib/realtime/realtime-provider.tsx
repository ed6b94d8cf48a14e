// Keeps the realtime connection open while someone is signed in, and lets screens listen to events and to the
// connection's state (for the "connection lost" banner).
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { openRealtime, type RealtimeConnection } from './realtime-connection.ts';
import type { AgentFrame, ConnectionStatus, RealtimeEvent } from './realtime-events.ts';

const RealtimeContext = createContext<RealtimeConnection | null>(null);

export function RealtimeProvider(props: { children: ReactNode; onSignedOut(): void; checkSession(): Promise<void> }) {
  const [connection, setConnection] = useState<RealtimeConnection | null>(null);
  const callbacks = useRef(props);
  callbacks.current = props;
  useEffect(() => {
    const opened = openRealtime({
      onSignedOut: () => callbacks.current.onSignedOut(),
      checkSession: () => callbacks.current.checkSession(),
    });
    setConnection(opened);
    return () => opened.close();
  }, []);
  return <RealtimeContext.Provider value={connection}>{props.children}</RealtimeContext.Provider>;
}

/** Calls `handler` for every event while the component is mounted (the latest handler, without resubscribing). */
export function useRealtimeEvent(handler: (event: RealtimeEvent) => void): void {
  const connection = useContext(RealtimeContext);
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => connection?.subscribe((event) => latest.current(event)), [connection]);
}

export function useConnectionStatus(): ConnectionStatus {
  const connection = useContext(RealtimeContext);
  const [status, setStatus] = useState<ConnectionStatus>(connection?.status() ?? 'connecting');
  useEffect(() => {
    if (!connection) return;
    setStatus(connection.status());
    return connection.onStatus(setStatus);
  }, [connection]);
  return status;
}

export function useRealtimeSend(): (frame: AgentFrame) => void {
  const connection = useContext(RealtimeContext);
  return (frame) => connection?.send(frame);
}
