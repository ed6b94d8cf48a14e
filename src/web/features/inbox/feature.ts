import type { Feature } from '../../lib/feature.ts';
import { STAFF_ROLES } from '../../lib/api/types.ts';
import { InboxPage } from './inbox-page.tsx';
import en from './locales/en.json';
import fr from './locales/fr.json';

// GET /api/conversations is open to the staff roles; experts get their own space with routing (second pass).
export const inboxFeature: Feature = {
  id: 'inbox',
  locales: { fr, en },
  routes: [{ path: '/inbox/:id?', component: InboxPage, roles: STAFF_ROLES }],
  nav: [{ path: '/inbox', labelKey: 'nav', group: 'desk', roles: STAFF_ROLES }],
  home: { path: '/inbox', roles: STAFF_ROLES },
};
