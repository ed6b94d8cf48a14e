import type { Feature } from '../../lib/feature.ts';
import { messagesKey } from './conversation-api.ts';
import { refreshConversation } from './conversation-cache.ts';
import en from './locales/en.json';
import fr from './locales/fr.json';

// No route of its own: the inbox shows a conversation beside the list (/inbox/:id).
export const conversationFeature: Feature = {
  id: 'conversation',
  locales: { fr, en },
  onRealtime: (event, client) => {
    if (event.kind === 'message.created') void client.invalidateQueries({ queryKey: messagesKey(event.conversationId) });
    if (event.kind === 'conversation.updated' || event.kind === 'message.created' || event.kind === 'conversation.rated') {
      refreshConversation(client, event.conversationId);
    }
  },
};
