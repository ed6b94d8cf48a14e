// Who is signed in: GET /api/auth/me, kept in the query cache under one key. `null` means nobody (the app then
// shows the login page, remembering the page to come back to).
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../api/api-client.ts';
import { ApiError } from '../api/api-error.ts';
import type { Role, Session, User } from '../api/types.ts';

export const SESSION_KEY = ['session'] as const;

export async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api<Session>('/auth/me', { expectUnauthenticated: true });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity, retry: 2 });
}

/** The signed-in user; only under the app's sign-in guard. */
export function useCurrentUser(): User {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser outside a signed-in page');
  return data.user;
}

export const hasRole = (user: Pick<User, 'role'>, roles: readonly Role[]) => roles.includes(user.role);

export function setSession(queryClient: QueryClient, session: Session | null): void {
  setCsrfToken(session?.csrfToken ?? null);
  queryClient.setQueryData(SESSION_KEY, session);
}

/** Only paths of this app: `next=//evil.example` must not send anyone elsewhere after login. */
export function safeNextPath(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/login')) return null;
  return next;
}
