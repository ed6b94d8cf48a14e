import { lazy } from 'react';
import type { Feature } from '../../lib/feature.ts';
import en from './locales/en.json';
import fr from './locales/fr.json';

// Administration screens load on first visit: agents never download them.
const UsersPage = lazy(() => import('./users-page.tsx').then((m) => ({ default: m.UsersPage })));

export const usersFeature: Feature = {
  id: 'users',
  locales: { fr, en },
  routes: [{ path: '/admin/users', component: UsersPage, roles: ['admin'] }],
  nav: [{ path: '/admin/users', labelKey: 'nav', group: 'admin', roles: ['admin'] }],
};
