// Records for the search tests and the latency measurement: tenants, articles, conversations whose
// staff replied (and that ended resolved, closed, or still open).
import type { Db } from '../../db/client.ts';
import { articles, conversations, messages } from '../../db/schema/index.ts';
import { createBrand, createChannel } from '../../organizations/organizations.service.ts';
import { createContactRecord } from '../../testing/fixtures.ts';
import { openConversation } from '../../conversations/open-conversation.ts';
import { eq } from 'drizzle-orm';

let tenantCounter = 0;

export async function createSearchTenant(db: Db, label: string) {
  const slug = `${label}-${process.pid}-${++tenantCounter}-${Date.now().toString(36)}`;
  const org = await createBrand(db, { name: `Brand ${slug}`, slug });
  const channel = await createChannel(db, org.id, { type: 'email', name: 'Email' });
  const contact = await createContactRecord(db, org.id);
  return { orgId: org.id, channelId: channel.id, contactId: contact.id };
}
export type SearchTenant = Awaited<ReturnType<typeof createSearchTenant>>;

let slugCounter = 0;

export async function addArticle(
  db: Db,
  orgId: string,
  fields: { title: string; body: string; language: 'fr' | 'en'; status?: 'draft' | 'in_review' | 'published' | 'archived' },
) {
  const [article] = await db.insert(articles).values({
    orgId, slug: `article-${++slugCounter}`, language: fields.language, title: fields.title, body: fields.body,
    status: fields.status ?? 'published',
  }).returning();
  return article!;
}

export type PastConversation = {
  question: string;
  answer: string;
  language: 'fr' | 'en' | null;
  subject?: string | null;
  status?: 'open' | 'pending' | 'resolved' | 'closed';
  answeredBy?: 'agent' | 'expert' | 'bot';
};

/** A conversation with the customer's question and one outbound reply, then its final status. */
export async function addPastConversation(db: Db, tenant: SearchTenant, c: PastConversation) {
  const { conversation } = await openConversation(db, tenant.orgId, {
    channelId: tenant.channelId, contactId: tenant.contactId, subject: c.subject ?? null, body: c.question,
    language: c.language,
  });
  await db.insert(messages).values({
    orgId: tenant.orgId, conversationId: conversation.id, channelId: tenant.channelId, direction: 'outbound',
    authorKind: c.answeredBy ?? 'agent', body: c.answer, createdAt: new Date(conversation.createdAt.getTime() + 60_000),
  });
  const status = c.status ?? 'resolved';
  if (status !== 'open') await db.update(conversations).set({ status }).where(eq(conversations.id, conversation.id));
  return conversation;
}

/** The corpus of the search tests: two tenants, French and English articles (one draft), past conversations. */
export async function seedSearchCorpus(db: Db) {
  const ids: Record<string, string> = {};
  const tenant = await createSearchTenant(db, 'search');
  const other = await createSearchTenant(db, 'search-other');
  const add = async (key: string, orgId: string, fields: Parameters<typeof addArticle>[2]) => {
    ids[key] = (await addArticle(db, orgId, fields)).id;
  };
  await add('refundFr', tenant.orgId, {
    language: 'fr', title: 'Se faire rembourser un billet (train supprimé, annulation)',
    body: "Les billets sont remboursables sans frais jusqu'à la veille du départ. Si votre train a été supprimé, "
      + "le remboursement est intégral et automatique, même le jour du départ. Pour une annulation de votre part, "
      + 'rendez-vous dans « Mes voyages ».',
  });
  await add('delayFr', tenant.orgId, {
    language: 'fr', title: 'Train en retard : comment obtenir une indemnisation',
    body: 'Au-delà de 30 minutes de retard, la garantie ponctualité vous indemnise par un bon d’achat sous 15 jours.',
  });
  await add('bikesFr', tenant.orgId, {
    language: 'fr', title: 'Vélos et bagages à bord', body: 'Les vélos voyagent gratuitement dans les espaces prévus, hors heures de pointe.',
  });
  await add('delayEn', tenant.orgId, {
    language: 'en', title: 'Delayed train: how to claim compensation',
    body: 'If your train arrived more than 30 minutes late, claim compensation within 60 days with your booking reference.',
  });
  await add('refundEn', tenant.orgId, {
    language: 'en', title: 'Refunds for cancelled trains',
    body: 'Cancelled trains are refunded in full. Refunding takes 5 to 7 working days, back to the original card.',
  });
  await add('draftFr', tenant.orgId, {
    language: 'fr', status: 'draft', title: 'Geste commercial exceptionnel (brouillon)',
    body: 'Brouillon : geste commercial exceptionnel pour les abonnés de la ligne des Alpes.',
  });
  await add('otherOrgFr', other.orgId, {
    language: 'fr', title: 'Remboursement des abonnements annuels', body: 'Le remboursement des abonnements annuels est calculé au prorata.',
  });
  const past = async (key: string, t: SearchTenant, c: Parameters<typeof addPastConversation>[2]) => {
    ids[key] = (await addPastConversation(db, t, c)).id;
  };
  await past('resolvedFr', tenant, {
    language: 'fr', subject: 'Train supprimé ce matin',
    question: 'Bonjour, mon train de 8h a été supprimé ce matin, comment être remboursé ?',
    answer: 'Votre billet est remboursé intégralement : le virement arrive sous 5 jours ouvrés.',
  });
  await past('closedEn', tenant, {
    language: 'en', status: 'closed', answeredBy: 'expert',
    question: 'My suitcase was lost on the train from Nice', answer: 'Lost luggage is kept at the Nice station lost property office for 30 days.',
  });
  await past('openFr', tenant, {
    language: 'fr', status: 'open', question: 'Correspondance ratée à Vintimille, que faire ?', answer: 'Nous regardons votre correspondance à Vintimille.',
  });
  await past('botOnlyFr', tenant, {
    language: 'fr', answeredBy: 'bot', question: 'Horaires du guichet de Menton ?', answer: 'Le guichet de Menton ouvre à 6h.',
  });
  return { tenant, other, ids };
}
