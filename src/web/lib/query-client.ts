// One TanStack Query client for the app. Data stays fresh through realtime events (see lib/realtime), so
// queries do not refetch on every focus; a failed request is retried only when the network, not the server, failed.
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/api-error.ts';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => !(error instanceof ApiError) && failures < 3,
      },
      mutations: { retry: false },
    },
  });
}
