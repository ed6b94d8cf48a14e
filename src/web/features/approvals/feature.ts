import { lazy } from 'react';
import type { Feature } from '../../lib/feature.ts';
import { APPROVALS_KEY } from './approvals-api.ts';
import en from './locales/en.json';
import fr from './locales/fr.json';

const ApprovalsPage = lazy(() => import('./approvals-page.tsx').then((m) => ({ default: m.ApprovalsPage })));

/** The brand's people decide; a bot or a provider never approves a provider's reply. */
const DECIDERS = ['admin', 'supervisor', 'agent'] as const;

export const approvalsFeature: Feature = {
  id: 'approvals',
  locales: { fr, en },
  routes: [{ path: '/approvals', component: ApprovalsPage, roles: DECIDERS }],
  nav: [{ path: '/approvals', labelKey: 'nav', group: 'desk', roles: DECIDERS }],
  onRealtime: (event, client) => {
    if (event.kind === 'approval.requested' || event.kind === 'approval.decided') void client.invalidateQueries({ queryKey: APPROVALS_KEY });
  },
};
