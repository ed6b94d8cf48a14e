// The channels this build of Relais ships. Importing this module registers them; adding a channel is one line.
import { registerAdapter } from './registry.ts';
import { apiAdapter } from './api/adapter.ts';
import { chatAdapter } from './chat/adapter.ts';
import { communityAdapter } from './community/adapter.ts';
import { emailAdapter } from './email/adapter.ts';
import { facebookAdapter, instagramAdapter } from './meta/adapters.ts';
import { smsAdapter } from './sms/adapter.ts';
import { webFormAdapter } from './web-form/adapter.ts';
import { xAdapter } from './x/adapter.ts';

const shipped = [apiAdapter, chatAdapter, communityAdapter, emailAdapter, facebookAdapter, instagramAdapter, smsAdapter, webFormAdapter, xAdapter];
for (const adapter of shipped) registerAdapter(adapter);
