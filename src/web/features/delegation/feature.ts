import { lazy } from 'react';
import type { Feature } from '../../lib/feature.ts';
import en from './locales/en.json';
import fr from './locales/fr.json';

const DelegationPage = lazy(() => import('./delegation-page.tsx').then((m) => ({ default: m.DelegationPage })));

// PUT /api/delegation/rules is for admins.
export const delegationFeature: Feature = {
  id: 'delegation',
  locales: { fr, en },
  routes: [{ path: '/admin/delegation', component: DelegationPage, roles: ['admin'] }],
  nav: [{ path: '/admin/delegation', labelKey: 'nav', group: 'admin', roles: ['admin'] }],
};
