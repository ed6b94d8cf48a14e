// hello: who the visitor is (kept anonymous id, new id, or a signed identity), and what they have not seen yet.
import type { ClientFrame, ServerFrame } from '../../../widget/protocol.ts';
import type { ChatContext, VisitorState } from './chat-context.ts';
import { VISITOR_ID } from './chat-frames.ts';
import { currentConversation, historySince, recentHistory, type VisitorScope } from './chat-history.ts';
import { contactOfChatIdentity, linkVerifiedVisitor, newVisitorId, userKey, validSignature, visitorKey } from './chat-identity.ts';

type Hello = Extract<ClientFrame, { type: 'hello' }>;

export const localeOf = (locale: string | undefined): 'fr' | 'en' => (locale?.toLowerCase().startsWith('en') ? 'en' : 'fr');

export async function greet(ctx: ChatContext, hello: Hello): Promise<{ state: VisitorState; ready: ServerFrame } | { refused: string }> {
  const { db } = ctx.deps;
  const { orgId, id: channelId } = ctx.channel;
  // An id we did not make (malformed, or someone else's identity key) is replaced, never adopted.
  const visitorId = hello.visitorId && VISITOR_ID.test(hello.visitorId) ? hello.visitorId : newVisitorId();
  const locale = localeOf(hello.locale);
  let state: VisitorState;
  if (hello.identity) {
    if (!validSignature(ctx.settings.identitySecret, hello.identity)) {
      return { refused: ctx.settings.identitySecret ? 'the identity signature is not valid' : 'this chat does not accept signed identities' };
    }
    const contactId = await linkVerifiedVisitor(db, orgId, visitorId, hello.identity);
    state = { visitorId, externalId: userKey(hello.identity.userId), verified: true, displayName: hello.identity.name ?? null, contactId, conversationId: null, locale };
  } else {
    const externalId = visitorKey(visitorId);
    state = { visitorId, externalId, verified: false, displayName: null, contactId: await contactOfChatIdentity(db, orgId, externalId), conversationId: null, locale };
  }

  const s = ctx.settings;
  const brand = { name: s.brandName, primaryColor: s.colors.primary, textColor: s.colors.text, welcome: s.welcome[locale] };
  if (!state.contactId) {
    return { state, ready: { type: 'ready', visitorId, verified: state.verified, brand, conversation: null, history: [], complete: true } };
  }
  const scope: VisitorScope = { orgId, channelId, contactId: state.contactId };
  const conversation = await currentConversation(db, scope);
  state.conversationId = conversation?.id ?? null;
  const missed = hello.lastSeenMessageId ? await historySince(db, scope, hello.lastSeenMessageId) : null;
  const history = missed ?? await recentHistory(db, scope);
  return { state, ready: { type: 'ready', visitorId, verified: state.verified, brand, conversation, history, complete: missed === null } };
}
