import { lazy } from 'react';
import type { Feature } from '../../lib/feature.ts';
import en from './locales/en.json';
import fr from './locales/fr.json';

const ExpertSpacePage = lazy(() => import('./expert-space-page.tsx').then((m) => ({ default: m.ExpertSpacePage })));
const ExpertsAdminPage = lazy(() => import('./experts-admin-page.tsx').then((m) => ({ default: m.ExpertsAdminPage })));

// The experts' space is the home of role `expert`; the experts' list is for the managers who invite them.
export const expertsFeature: Feature = {
  id: 'experts',
  locales: { fr, en },
  routes: [
    { path: '/expert/:id?', component: ExpertSpacePage, roles: ['expert'] },
    { path: '/admin/experts', component: ExpertsAdminPage, roles: ['admin', 'supervisor'] },
  ],
  nav: [
    { path: '/expert', labelKey: 'space.nav', group: 'desk', roles: ['expert'] },
    { path: '/admin/experts', labelKey: 'admin.nav', group: 'admin', roles: ['admin', 'supervisor'] },
  ],
  home: { path: '/expert', roles: ['expert'] },
  onRealtime: (event, client) => {
    if (event.kind === 'conversation.updated' || event.kind === 'message.created') void client.invalidateQueries({ queryKey: ['conversations', 'expert-queue'] });
    if (event.kind === 'conversation.rated') void client.invalidateQueries({ queryKey: ['experts', 'me'] });
  },
};
