// The community channel (`community`, a public channel): customers ask in public in Relais's own community
// space (community.routes.ts), the home of level 2, and experts answer there.
import { z } from 'zod';
import type { ChannelAdapter } from '../channel-adapter.ts';
import { formGuardSettings } from '../web-form/form-guard.ts';
import { communityRoutes } from './community.routes.ts';

export const communitySettings = z.object({ ...formGuardSettings });
export type CommunitySettings = z.output<typeof communitySettings>;

export const communityAdapter: ChannelAdapter<CommunitySettings> = {
  type: 'community',
  settingsSchema: communitySettings,
  registerRoutes: communityRoutes,
  // The community is Relais itself: a public reply is published by being stored (the thread endpoint reads
  // it from the database), so there is nothing to deliver. A private reply has nowhere to go on a public
  // forum: fail it visibly rather than report a delivery that reached no one.
  async send(message) {
    if (!message.isPublic) {
      return { ok: false, retryable: false, reason: 'a private reply cannot be published in the community: post it as public, or answer by email' };
    }
    return { ok: true, externalId: null };
  },
};
