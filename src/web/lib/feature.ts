// What a feature brings to the app (features/<name>/feature.ts): its screens, its navigation entries, its
// words, how realtime events refresh its data, and anything it shows above every page. app/features.ts lists
// them; adding a feature is one folder and one line there.
import type { ComponentType } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { Role } from './api/types.ts';
import type { Locales } from './i18n/i18n.ts';
import type { RealtimeEvent } from './realtime/realtime-events.ts';

export type FeatureRoute = {
  /** wouter pattern, e.g. "/inbox/:id?" */
  path: string;
  component: ComponentType;
  roles: readonly Role[];
};

export type NavEntry = {
  path: string;
  /** Key in the feature's namespace. */
  labelKey: string;
  group: 'desk' | 'admin' | 'insights';
  roles: readonly Role[];
};

export type Feature = {
  /** Also the feature's i18n namespace. */
  id: string;
  locales: Locales;
  routes?: FeatureRoute[];
  nav?: NavEntry[];
  /** Shown above every page (crisis alerts). */
  banners?: { component: ComponentType; roles: readonly Role[] }[];
  /** Keeps this feature's cached data true when the server says something changed. */
  onRealtime?: (event: RealtimeEvent, queryClient: QueryClient) => void;
  /** Where a person with this role lands after signing in (first feature that says so wins). */
  home?: { path: string; roles: readonly Role[] };
};
