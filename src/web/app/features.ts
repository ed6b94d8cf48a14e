// Every feature of the app, in navigation order. A new screen is a folder under features/ and one line here.
import type { Feature } from '../lib/feature.ts';
import { authFeature } from '../features/auth/feature.ts';
import { alertsFeature } from '../features/alerts/feature.ts';
import { inboxFeature } from '../features/inbox/feature.ts';
import { conversationFeature } from '../features/conversation/feature.ts';
import { channelsFeature } from '../features/channels/feature.ts';
import { usersFeature } from '../features/users/feature.ts';
import { tokensFeature } from '../features/tokens/feature.ts';
import { settingsFeature } from '../features/settings/feature.ts';
import { approvalsFeature } from '../features/approvals/feature.ts';
import { dashboardsFeature } from '../features/dashboards/feature.ts';
import { expertsFeature } from '../features/experts/feature.ts';
import { routingFeature } from '../features/routing/feature.ts';
import { slaFeature } from '../features/sla/feature.ts';
import { delegationFeature } from '../features/delegation/feature.ts';

export const FEATURES: Feature[] = [
  authFeature,
  alertsFeature,
  inboxFeature,
  conversationFeature,
  approvalsFeature,
  expertsFeature,
  dashboardsFeature,
  channelsFeature,
  usersFeature,
  tokensFeature,
  routingFeature,
  slaFeature,
  delegationFeature,
  settingsFeature,
];
