import type { Feature } from '../../lib/feature.ts';
import en from './locales/en.json';
import fr from './locales/fr.json';

// The login page is not a routed screen of the shell (it has no navigation): app/app.tsx shows it.
export const authFeature: Feature = { id: 'auth', locales: { fr, en } };
