import { lazy } from 'react';
import type { Feature } from '../../lib/feature.ts';
import en from './locales/en.json';
import fr from './locales/fr.json';

const SlaPage = lazy(() => import('./sla-page.tsx').then((m) => ({ default: m.SlaPage })));

// PATCH /api/settings (section sla) is for admins.
export const slaFeature: Feature = {
  id: 'sla',
  locales: { fr, en },
  routes: [{ path: '/admin/response-times', component: SlaPage, roles: ['admin'] }],
  nav: [{ path: '/admin/response-times', labelKey: 'nav', group: 'admin', roles: ['admin'] }],
};
