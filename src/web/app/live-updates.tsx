// Applies every realtime event to the cached data: each feature updates what it shows; after a reconnection
// everything shown is reloaded, since events may have been missed.
import { useQueryClient } from '@tanstack/react-query';
import { useRealtimeEvent } from '../lib/realtime/realtime-provider.tsx';
import { FEATURES } from './features.ts';

export function LiveUpdates() {
  const client = useQueryClient();
  useRealtimeEvent((event) => {
    if (event.kind === 'resync') {
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      return;
    }
    for (const feature of FEATURES) feature.onRealtime?.(event, client);
  });
  return null;
}
