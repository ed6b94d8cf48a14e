import type { Feature } from '../../lib/feature.ts';
import { APPROVALS_KEY, messagesKey } from './conversation-api.ts';
import { routingKey, slaKey } from './pyramid-api.ts';
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
    if (event.kind === 'conversation.updated') void client.invalidateQueries({ queryKey: routingKey(event.conversationId) });
    if (event.kind === 'conversation.sla' || event.kind === 'message.created') void client.invalidateQueries({ queryKey: slaKey(event.conversationId) });
    if (event.kind === 'approval.requested' || event.kind === 'approval.decided') {
      void client.invalidateQueries({ queryKey: APPROVALS_KEY });
      if (event.kind === 'approval.decided') refreshConversation(client, event.conversationId);
    }
  },
};
