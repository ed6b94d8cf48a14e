// The signed-in frame: header (navigation toggle, language, the person and sign-out), the navigation by role,
// the banners every page must show (crisis alerts, lost connection), and the feature's page.
import { Suspense } from 'react';
import { AppShell, Burger, Center, Loader, Group, Menu, NavLink, ScrollArea, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { hasRole, setSession, useCurrentUser } from '../lib/session/session.ts';
import { LanguageSwitch } from '../lib/i18n/language-switch.tsx';
import { ConnectionBanner } from '../lib/realtime/connection-banner.tsx';
import { logout } from '../features/auth/auth-api.ts';
import { FEATURES } from './features.ts';
import { LiveUpdates } from './live-updates.tsx';
import { HomePage, NotFoundPage } from './home-page.tsx';

const GROUPS = ['desk', 'insights', 'admin'] as const;

export function Shell() {
  const { t } = useTranslation('common');
  const user = useCurrentUser();
  const [opened, { toggle, close }] = useDisclosure();
  const [location, navigate] = useLocation();
  const client = useQueryClient();

  const nav = FEATURES.flatMap((f) => (f.nav ?? []).filter((n) => hasRole(user, n.roles)).map((n) => ({ ...n, ns: f.id })));
  const routes = FEATURES.flatMap((f) => (f.routes ?? []).filter((r) => hasRole(user, r.roles)));
  const banners = FEATURES.flatMap((f) => (f.banners ?? []).filter((b) => hasRole(user, b.roles)));
  const home = FEATURES.map((f) => f.home).find((h) => h && hasRole(user, h.roles));

  const signOut = async () => {
    await logout().catch(() => undefined); // signed out either way: the cookie is gone or already invalid
    navigate('/login?signedOut=1', { replace: true });
    client.clear();
    setSession(client, null);
  };

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding={0}>
      <a className="skip-link" href="#main">{t('shell.skipToContent')}</a>
      <LiveUpdates />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('shell.toggleNav')} />
            <Title order={2} size="h4" c="blue.8">{t('appName')}</Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton aria-label={t('shell.signedInAs', { name: user.name })} data-testid="user-menu">
                  <Text size="sm" fw={500} truncate maw={180}>{user.name}</Text>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{user.email} · {t(`roles.${user.role}`)}</Menu.Label>
                <Menu.Item onClick={() => void signOut()} data-testid="sign-out">{t('shell.signOut')}</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.desk')}>
        <ScrollArea>
          <Stack gap="md">
            {GROUPS.map((group) => {
              const entries = nav.filter((n) => n.group === group);
              if (entries.length === 0) return null;
              return (
                <nav key={group} aria-labelledby={`nav-${group}`}>
                  <Text id={`nav-${group}`} size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4}>{t(`nav.${group}`)}</Text>
                  {entries.map((n) => (
                    <NavLink key={n.path} component={Link} href={n.path} label={t(`${n.ns}:${n.labelKey}`)} onClick={close}
                      active={location === n.path || location.startsWith(`${n.path}/`)}
                      aria-current={location === n.path || location.startsWith(`${n.path}/`) ? 'page' : undefined} />
                  ))}
                </nav>
              );
            })}
          </Stack>
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} style={{ display: 'flex', flexDirection: 'column', height: '100dvh' }}>
        <div style={{ position: 'sticky', top: 56, zIndex: 50 }}>
          <ConnectionBanner />
          {banners.map((b, i) => <b.component key={i} />)}
        </div>
        <div style={{ flex: 1, minHeight: 0 }}>
          <Suspense fallback={<Center p="xl"><Loader size="sm" /></Center>}>
          <Switch>
            {routes.map((r) => <Route key={r.path} path={r.path} component={r.component} />)}
            <Route path="/">{home ? <Redirect to={home.path} replace /> : <HomePage />}</Route>
            <Route component={NotFoundPage} />
          </Switch>
          </Suspense>
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
