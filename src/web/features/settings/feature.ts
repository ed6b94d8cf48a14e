import { lazy } from 'react';
import type { Feature } from '../../lib/feature.ts';
import en from './locales/en.json';
import fr from './locales/fr.json';

// Administration screens load on first visit: agents never download them.
const SettingsPage = lazy(() => import('./settings-page.tsx').then((m) => ({ default: m.SettingsPage })));

// PATCH /api/settings is for admins.
export const settingsFeature: Feature = {
  id: 'settings',
  locales: { fr, en },
  routes: [{ path: '/admin/settings', component: SettingsPage, roles: ['admin'] }],
  nav: [{ path: '/admin/settings', labelKey: 'nav', group: 'admin', roles: ['admin'] }],
};
