// The channels this build of Relais ships. Importing this module registers them; adding a channel is one line.
import { registerAdapter } from './registry.ts';
import { apiAdapter } from './api/adapter.ts';
import { communityAdapter } from './community/adapter.ts';
import { emailAdapter } from './email/adapter.ts';
import { facebookAdapter, instagramAdapter } from './meta/adapters.ts';
import { smsAdapter } from './sms/adapter.ts';
import { webFormAdapter } from './web-form/adapter.ts';
import { xAdapter } from './x/adapter.ts';

for (const adapter of [apiAdapter, communityAdapter, emailAdapter, facebookAdapter, instagramAdapter, smsAdapter, webFormAdapter, xAdapter]) {
  registerAdapter(adapter);
}
