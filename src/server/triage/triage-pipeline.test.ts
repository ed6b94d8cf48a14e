// The whole level-1 path on a real database: a message stored by intake, triaged by the job's function,
// answered automatically or handed to people, with the crisis alert delivered by webhook and real SMTP.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { alerts, conversations, events, intentExamples, intentModels, messages, triageCorrections, users } from '../db/schema/index.ts';
import { createTeam } from '../organizations/organizations.service.ts';
import { receiveInboundMessage } from '../intake/receive-inbound-message.ts';
import { updateOrgSettings } from '../organizations/org-settings.ts';
import { signAlertBody } from '../alerts/deliver-alert.ts';
import { bearer, json, startTestServer, type Tenant, type TestServer } from '../testing/test-server.ts';
import { startHttpRecorder, startSmtpRecorder } from '../testing/local-receivers.ts';
import { triageStoredMessage, type TriageDeps } from './apply-triage.ts';
import { gatherTrainingExamples, trainOrgModel } from './train-org-model.ts';

// Training examples written for this test: two intents of a rail operator, French and English.
const EXAMPLES = [
  ...['mon train avait 40 minutes de retard, je veux être indemnisé', 'comment obtenir une compensation pour un retard',
    'retard de train remboursement possible ?', 'le TER est arrivé avec une heure de retard, quelle indemnité',
    'indemnisation retard train', 'my train was late, can I get compensation', 'delay compensation for my train',
    'train delayed by an hour, how do I claim', 'je veux une indemnité pour le retard de ce matin', 'compensation retard 30 minutes',
    'dédommagement pour train en retard', 'how to claim for a delayed train'].map((text) => ({ text, label: 'delay_compensation' })),
  ...['puis-je prendre mon vélo dans le train', 'vélo à bord du TER est-ce gratuit', 'can I bring my bike on the train',
    'transport de vélo dans le train', 'mon vélo peut-il voyager avec moi', 'bike on board rules', 'faut-il réserver pour un vélo',
    'vélo pliant dans le train', 'is a bicycle allowed on the train', 'combien coûte le vélo dans le TER', 'place vélo train',
    'do I need a ticket for my bike'].map((text) => ({ text, label: 'bike_on_board' })),
];

describe('triage pipeline', () => {
  let server: TestServer;
  let tenant: Tenant;
  let deps: TriageDeps;
  let webhook: Awaited<ReturnType<typeof startHttpRecorder>>;
  let smtp: Awaited<ReturnType<typeof startSmtpRecorder>>;

  before(async () => {
    server = await startTestServer();
    tenant = await server.createTenant('rail');
    webhook = await startHttpRecorder();
    smtp = await startSmtpRecorder();
    deps = { db: server.database.db, mail: { smtpUrl: smtp.url, from: 'Relais <alerts@relais.test>' } };
    const { db } = server.database;
    await db.insert(intentExamples).values(EXAMPLES.map((e) => ({ orgId: tenant.orgId, ...e })));
    const h = bearer(tenant.adminToken);
    await server.app.inject({ method: 'POST', url: '/api/articles', headers: h, payload: {
      slug: 'retard-indemnisation', language: 'fr', title: 'Train en retard : votre indemnisation', status: 'published',
      intents: ['delay_compensation'], body: 'Dès 30 minutes de retard, vous êtes indemnisé de 25 % du prix du billet.\n\nFaites la demande en ligne sous 60 jours.',
    } });
    await updateOrgSettings(db, tenant.orgId, { alerts: { webhookUrl: `${webhook.url}/alerts`, webhookSecret: 's'.repeat(32), emails: ['astreinte@rail.test'] } });
    const report = await trainOrgModel(db, tenant.orgId);
    assert.equal(report.labels, 2);
    // A community experts' queue, so unanswered questions stay at level 2 (without one they pass up to level 3).
    const experts = await createTeam(db, tenant.orgId, { name: 'Experts', level: 2 });
    const expert = await tenant.addUser('expert');
    await db.update(users).set({ teamId: experts.id }).where(eq(users.id, expert.id));
  });
  after(async () => {
    await webhook.close();
    await smtp.close();
    await server.close();
  });

  const receive = (text: string, externalId: string, sender = `visitor-${externalId}`) => receiveInboundMessage(server.database.db, {
    orgId: tenant.orgId, channelId: tenant.channelId, sender: { externalId: sender }, text, externalId,
  });
  const conversationOf = async (id: string) => (await server.database.db.select().from(conversations).where(eq(conversations.id, id)))[0]!;
  const threadOf = (id: string) => server.database.db.select().from(messages).where(eq(messages.conversationId, id)).orderBy(messages.createdAt);

  it('answers a known question automatically, citing the article, and offers the two ways out', async () => {
    const { messageId, conversationId } = await receive('Bonjour, mon train avait une heure de retard, comment être indemnisé ?', 'm1');
    const outcome = await triageStoredMessage(deps, messageId);
    assert.equal(outcome.status, 'triaged');
    assert.equal(outcome.result!.decision, 'auto_answer', outcome.result!.reasons.join('\n'));
    const thread = await threadOf(conversationId);
    assert.equal(thread.length, 2);
    const answer = thread[1]!;
    assert.equal(answer.authorKind, 'bot');
    assert.match(answer.body, /25 %/);
    assert.match(answer.body, /Train en retard : votre indemnisation/);
    const meta = answer.metadata as any;
    assert.deepEqual(meta.quickReplies.map((q: any) => q.id), ['solved', 'handoff']);
    assert.equal(meta.citations[0].title, 'Train en retard : votre indemnisation');
    const conversation = await conversationOf(conversationId);
    assert.equal(conversation.status, 'pending');
    assert.equal(conversation.intent, 'delay_compensation');
    assert.equal(conversation.language, 'fr');
    assert.ok(conversation.firstResponseAt);
    const stored = thread[0]!.triage as any;
    assert.equal(stored.decision, 'auto_answer');
    assert.match(stored.modelVersion, /tfidf-softmax/);

    // "Talk to a person" hands the conversation to level 2.
    const follow = await receive('Parler à un conseiller', 'm1-b', 'visitor-m1');
    assert.equal(follow.conversationId, conversationId);
    assert.equal((await triageStoredMessage(deps, follow.messageId)).status, 'feedback');
    const handed = await conversationOf(conversationId);
    assert.equal(handed.level, 2);
    assert.equal(handed.status, 'open');
    // Placed like any routed conversation: the experts' queue, an expert, and why.
    assert.ok(handed.teamId, 'the hand-off left the conversation in no queue');
    assert.ok(handed.assigneeId, 'no expert was assigned');
    assert.equal(handed.unrouted, false);
    const routing = handed.routing as { fired: { name: string }[] };
    assert.ok(routing.fired.some((f) => f.name === 'level 1: talk to a person'), JSON.stringify(routing));
  });

  it('closes the conversation when the customer says it solved it', async () => {
    const { messageId, conversationId } = await receive('my train was delayed by an hour, how do I claim compensation?', 'm2');
    const outcome = await triageStoredMessage(deps, messageId);
    // No English article exists: the bot must not answer in French to an English question.
    assert.equal(outcome.result!.decision, 'level2');
    assert.ok(outcome.result!.reasons.some((r) => /no published article or template answers delay_compensation in en/.test(r)));
    const { messageId: m3, conversationId: c3 } = await receive('Comment obtenir une compensation pour un retard de train ?', 'm3');
    await triageStoredMessage(deps, m3);
    const solved = await receive("Oui, c'est résolu, merci", 'm3-b', 'visitor-m3');
    assert.equal((await triageStoredMessage(deps, solved.messageId)).status, 'feedback');
    assert.equal((await conversationOf(c3)).status, 'resolved');
    assert.equal((await conversationOf(conversationId)).level, 2);
  });

  it('abstains on an unknown question and stores the reasons', async () => {
    const { messageId, conversationId } = await receive('Quels sont les horaires d’ouverture de la boutique de la gare ?', 'm4');
    const outcome = await triageStoredMessage(deps, messageId);
    assert.notEqual(outcome.result!.decision, 'auto_answer');
    assert.equal((await threadOf(conversationId)).length, 1);
    const [event] = await server.database.db.select().from(events).where(and(eq(events.type, 'triage.decided'), eq(events.subjectId, messageId)));
    assert.ok((event!.data as any).reasons.some((r: string) => r.startsWith('decision: no automatic answer')));
  });

  it('never answers a crisis: level 3, top priority, alert by webhook and email, audited', async () => {
    const { messageId, conversationId } = await receive('je veux en finir, je vais me foutre en l’air ce soir', 'm5');
    const outcome = await triageStoredMessage(deps, messageId);
    assert.equal(outcome.result!.severity, 'crisis');
    assert.equal(outcome.result!.decision, 'level3');
    assert.equal((await threadOf(conversationId)).length, 1, 'a crisis got an automatic answer');
    const conversation = await conversationOf(conversationId);
    assert.equal(conversation.level, 3);
    assert.equal(conversation.priority, 4);
    assert.equal(conversation.severity, 'crisis');
    const [alert] = await server.database.db.select().from(alerts).where(eq(alerts.conversationId, conversationId));
    assert.ok(alert, 'no alert stored');
    assert.ok(alert.deliveries.every((d: any) => d.ok), JSON.stringify(alert.deliveries));
    const hook = webhook.requests.find((r) => r.body.includes(conversationId))!;
    assert.equal(hook.headers['x-relais-signature'], signAlertBody(hook.body, 's'.repeat(32)));
    assert.equal(JSON.parse(hook.body).alert.kind, 'crisis');
    const mail = smtp.mails.find((m) => m.text.includes(conversationId) || m.subject.includes('ALERTE'))!;
    assert.deepEqual(mail.to, ['astreinte@rail.test']);
    const audit = await server.database.db.select().from(events).where(and(eq(events.type, 'triage.crisis'), eq(events.subjectId, messageId)));
    assert.equal(audit.length, 1);
    // The alert is listed for the core team until acknowledged.
    const listed = json(await server.app.inject({ method: 'GET', url: '/api/alerts?acknowledged=false', headers: bearer(tenant.adminToken) }));
    assert.ok(listed.items.some((a: any) => a.conversationId === conversationId));
  });

  it('routes to a person, with the error recorded, when triage itself fails', async () => {
    await server.database.db.insert(intentModels).values({
      orgId: tenant.orgId, version: 'broken', labels: ['x'], model: '{"not":"a model"}', threshold: 0.5, targetPrecision: 0.95, exampleCount: 0,
    });
    const { messageId, conversationId } = await receive('Puis-je prendre mon vélo ?', 'm6');
    const outcome = await triageStoredMessage(deps, messageId);
    assert.equal(outcome.status, 'failed');
    const [message] = await server.database.db.select().from(messages).where(eq(messages.id, messageId));
    assert.ok((message!.triage as any).error);
    const failed = await conversationOf(conversationId);
    assert.equal(failed.level, 3);
    assert.equal(failed.teamId, tenant.teamId, "in the core team's queue");
    assert.ok(failed.firstResponseDueAt, 'a failed triage still gets a response-time target');
    assert.ok((failed.routing as { fired: { name: string }[] }).fired.some((f) => f.name === 'triage failed'));
    await server.database.db.delete(intentModels).where(eq(intentModels.version, 'broken'));
  });

  it('never answers an auto-reply or a bounce, so no reply loop', async () => {
    const { messageId, conversationId } = await receiveInboundMessage(server.database.db, {
      orgId: tenant.orgId, channelId: tenant.channelId, sender: { externalId: 'robot' }, externalId: 'ooo-1',
      text: 'Je suis absent, retard de train remboursement possible ? Réponse à mon retour.', metadata: { autoReply: true },
    });
    assert.equal((await triageStoredMessage(deps, messageId)).status, 'skipped');
    assert.equal((await threadOf(conversationId)).length, 1);
  });

  it('skips a message already triaged, so a redelivered job changes nothing', async () => {
    const { messageId } = await receive('vélo à bord, faut-il un billet ?', 'm7');
    assert.equal((await triageStoredMessage(deps, messageId)).status, 'triaged');
    assert.equal((await triageStoredMessage(deps, messageId)).status, 'skipped');
  });

  it('stores an agent\'s correction and learns from it in the next training', async () => {
    const { messageId, conversationId } = await receive('Le contrôleur a refusé mon chien dans le train', 'm8');
    await triageStoredMessage(deps, messageId);
    const res = await server.app.inject({
      method: 'PATCH', url: `/api/conversations/${conversationId}`, headers: bearer(tenant.adminToken), payload: { intent: 'pets_on_board', severity: 'angry', language: 'en' },
    });
    assert.equal(res.statusCode, 200);
    assert.equal(json(res).language, 'en');
    const unknown = await server.app.inject({ method: 'PATCH', url: `/api/conversations/${conversationId}`, headers: bearer(tenant.adminToken), payload: { language: 'klingon' } });
    assert.equal(unknown.statusCode, 422);
    const corrections = await server.database.db.select().from(triageCorrections).where(eq(triageCorrections.conversationId, conversationId));
    assert.deepEqual(corrections.map((c) => c.field).sort(), ['intent', 'language', 'severity']);
    assert.equal(corrections.find((c) => c.field === 'intent')!.messageId, messageId);
    const examples = await gatherTrainingExamples(server.database.db, tenant.orgId);
    assert.ok(examples.some((e) => e.label === 'pets_on_board' && e.text.includes('chien')));
  });
});
