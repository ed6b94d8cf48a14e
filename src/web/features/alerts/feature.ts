import type { Feature } from '../../lib/feature.ts';
import { CORE_ROLES } from '../../lib/api/types.ts';
import { CrisisBanner } from './crisis-banner.tsx';
import en from './locales/en.json';
import fr from './locales/fr.json';

// GET /api/alerts is for the core team (admin, supervisor, agent).
const ALERT_ROLES = CORE_ROLES.filter((r) => r !== 'bot');

export const alertsFeature: Feature = {
  id: 'alerts',
  locales: { fr, en },
  banners: [{ component: CrisisBanner, roles: ALERT_ROLES }],
  onRealtime: (event, client) => {
    if (event.kind === 'alert.raised') void client.invalidateQueries({ queryKey: ['alerts'] });
  },
};
