import { lazy } from 'react';
import type { Feature } from '../../lib/feature.ts';
import en from './locales/en.json';
import fr from './locales/fr.json';

const RulesPage = lazy(() => import('./rules-page.tsx').then((m) => ({ default: m.RulesPage })));
const TeamsPage = lazy(() => import('./teams-page.tsx').then((m) => ({ default: m.TeamsPage })));
const PyramidSettingsPage = lazy(() => import('./pyramid-settings-page.tsx').then((m) => ({ default: m.PyramidSettingsPage })));

// Changing teams, rules and the pyramid's settings is for admins (supervisors read the rules and simulate).
export const routingFeature: Feature = {
  id: 'routing',
  locales: { fr, en },
  routes: [
    { path: '/admin/pyramid', component: PyramidSettingsPage, roles: ['admin'] },
    { path: '/admin/routing', component: RulesPage, roles: ['admin', 'supervisor'] },
    { path: '/admin/teams', component: TeamsPage, roles: ['admin'] },
  ],
  nav: [
    { path: '/admin/pyramid', labelKey: 'pyramid.nav', group: 'admin', roles: ['admin'] },
    { path: '/admin/routing', labelKey: 'rules.nav', group: 'admin', roles: ['admin', 'supervisor'] },
    { path: '/admin/teams', labelKey: 'teams.nav', group: 'admin', roles: ['admin'] },
  ],
};
