import { lazy } from 'react';
import type { Feature } from '../../lib/feature.ts';
import en from './locales/en.json';
import fr from './locales/fr.json';

// Administration screens load on first visit: agents never download them.
const TokensPage = lazy(() => import('./tokens-page.tsx').then((m) => ({ default: m.TokensPage })));

export const tokensFeature: Feature = {
  id: 'tokens',
  locales: { fr, en },
  routes: [{ path: '/admin/tokens', component: TokensPage, roles: ['admin'] }],
  nav: [{ path: '/admin/tokens', labelKey: 'nav', group: 'admin', roles: ['admin'] }],
};
