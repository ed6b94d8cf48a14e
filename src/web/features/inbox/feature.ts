import { lazy } from 'react';
import type { Feature } from '../../lib/feature.ts';
import { STAFF_ROLES } from '../../lib/api/types.ts';
import { refreshConversation } from '../conversation/conversation-cache.ts';
import { InboxPage } from './inbox-page.tsx';
import en from './locales/en.json';
import fr from './locales/fr.json';

const UnroutedPage = lazy(() => import('./unrouted-page.tsx').then((m) => ({ default: m.UnroutedPage })));

// GET /api/conversations is open to the staff roles (experts have their own space); the unrouted queue is for
// supervisors and admins.
export const inboxFeature: Feature = {
  id: 'inbox',
  locales: { fr, en },
  routes: [
    { path: '/inbox/:id?', component: InboxPage, roles: STAFF_ROLES },
    { path: '/unrouted', component: UnroutedPage, roles: ['admin', 'supervisor'] },
  ],
  nav: [
    { path: '/inbox', labelKey: 'nav', group: 'desk', roles: STAFF_ROLES },
    { path: '/unrouted', labelKey: 'unrouted.nav', group: 'desk', roles: ['admin', 'supervisor'] },
  ],
  home: { path: '/inbox', roles: STAFF_ROLES },
  onRealtime: (event, client) => {
    // A warning or a breach changes which lists filtered on the response-time state hold the conversation.
    if (event.kind === 'conversation.sla') refreshConversation(client, event.conversationId);
    if (event.kind === 'conversation.updated') void client.invalidateQueries({ queryKey: ['routing', 'unrouted'] });
  },
};
