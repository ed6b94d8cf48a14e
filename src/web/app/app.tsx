// The app's root: providers, the sign-in guard and the routes. A 401 from any request (an expired session)
// sends the person to the login page with the page they were on, and back there after signing in.
import { useEffect, useRef } from 'react';
import { Center, Loader, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { Redirect, useLocation, useSearch } from 'wouter';
import { setUnauthenticatedHandler } from '../lib/api/api-client.ts';
import { createQueryClient } from '../lib/query-client.ts';
import { RealtimeProvider } from '../lib/realtime/realtime-provider.tsx';
import { fetchSession, safeNextPath, setSession, useSession, SESSION_KEY } from '../lib/session/session.ts';
import { QueryState } from '../lib/ui/query-state.tsx';
import { LoginPage } from '../features/auth/login-page.tsx';
import { Shell } from './shell.tsx';
import { theme } from './theme.ts';

const queryClient = createQueryClient();

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <Root />
      </QueryClientProvider>
    </MantineProvider>
  );
}

function loginPath(location: string, search: string, expired: boolean): string {
  const here = `${location}${search ? `?${search}` : ''}`;
  const next = safeNextPath(here);
  const params = new URLSearchParams();
  if (next && next !== '/') params.set('next', next);
  if (expired) params.set('expired', '1');
  const query = params.toString();
  return query ? `/login?${query}` : '/login';
}

function Root() {
  const client = useQueryClient();
  const session = useSession();
  const [location, navigate] = useLocation();
  const search = useSearch();
  const here = useRef({ location, search });
  here.current = { location, search };

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      if (client.getQueryData(SESSION_KEY) === null) return;
      const { location: at, search: query } = here.current;
      // Navigate first: the guard below would otherwise redirect without the "session ended" notice.
      if (at !== '/login') navigate(loginPath(at, query, true), { replace: true });
      setSession(client, null);
    });
  }, [client, navigate]);

  if (session.isPending) return <Center mih="100vh"><Loader aria-label="…" /></Center>;
  if (session.error) return <QueryState isLoading={false} error={session.error} onRetry={() => void session.refetch()} />;
  if (location === '/login') {
    if (session.data) return <Redirect to={safeNextPath(new URLSearchParams(search).get('next')) ?? '/'} replace />;
    return <LoginPage />;
  }
  if (!session.data) return <Redirect to={loginPath(location, search, false)} replace />;
  return (
    <RealtimeProvider
      onSignedOut={() => {
        navigate(loginPath(here.current.location, here.current.search, true), { replace: true });
        setSession(client, null);
      }}
      checkSession={async () => {
        const fresh = await fetchSession();
        if (!fresh) {
          navigate(loginPath(here.current.location, here.current.search, true), { replace: true });
          setSession(client, null);
        }
      }}
    >
      <Shell />
    </RealtimeProvider>
  );
}
