// An expert turns a good answer into a knowledge-base article: it goes in review, and only the core team
// publishes it (articles.service refuses 'published' to anyone else, on creation and on edit).
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client.ts';
import type { AuthContext } from '../accounts/roles.ts';
import { recordEvent } from '../audit/record-event.ts';
import { getConversation } from '../conversations/conversations.service.ts';
import { getMessageInConversation } from '../conversations/messages.service.ts';
import { createArticle } from '../knowledge/articles.service.ts';

/** "Où est mon vélo ?" → "ou-est-mon-velo", plus a short random part: two proposals may share a title. */
export function proposalSlug(title: string): string {
  const base = title.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '');
  return `${base || 'proposition'}-${randomBytes(3).toString('hex')}`;
}

export type Proposal = { title: string; body: string; language: 'fr' | 'en'; messageId?: string | undefined };

export async function proposeArticle(db: Db, auth: AuthContext, conversationId: string, p: Proposal) {
  await getConversation(db, auth, conversationId); // in the expert's scope, or 404
  if (p.messageId) await getMessageInConversation(db, auth.orgId, conversationId, p.messageId);
  const article = await createArticle(db, auth, {
    slug: proposalSlug(p.title), language: p.language, title: p.title, body: p.body, status: 'in_review', tags: ['proposed-by-expert'],
  });
  await recordEvent(db, {
    orgId: auth.orgId, type: 'article.proposed', actor: { kind: 'user', id: auth.userId }, subject: { type: 'article', id: article.id },
    data: { conversationId, messageId: p.messageId ?? null },
  });
  return article;
}
