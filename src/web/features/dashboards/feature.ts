import { lazy } from 'react';
import type { Feature } from '../../lib/feature.ts';
import en from './locales/en.json';
import fr from './locales/fr.json';

// The charts library comes with this page only: the desk's first load never downloads it.
const DashboardsPage = lazy(() => import('./dashboards-page.tsx').then((m) => ({ default: m.DashboardsPage })));

/** The brand's own people: reports are aggregates, refused to experts and providers. */
const READERS = ['admin', 'supervisor', 'agent'] as const;

export const dashboardsFeature: Feature = {
  id: 'dashboards',
  locales: { fr, en },
  routes: [{ path: '/dashboards', component: DashboardsPage, roles: READERS }],
  nav: [{ path: '/dashboards', labelKey: 'nav', group: 'insights', roles: READERS }],
};
