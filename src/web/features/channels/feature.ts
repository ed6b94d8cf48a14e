import { lazy } from 'react';
import type { Feature } from '../../lib/feature.ts';
import en from './locales/en.json';
import fr from './locales/fr.json';

// Administration screens load on first visit: agents never download them.
const ChannelsPage = lazy(() => import('./channels-page.tsx').then((m) => ({ default: m.ChannelsPage })));

export const channelsFeature: Feature = {
  id: 'channels',
  locales: { fr, en },
  routes: [{ path: '/admin/channels', component: ChannelsPage, roles: ['admin'] }],
  nav: [{ path: '/admin/channels', labelKey: 'nav', group: 'admin', roles: ['admin'] }],
};
