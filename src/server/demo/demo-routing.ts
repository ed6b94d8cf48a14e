// The routing history behind each demo conversation ("why is this here?"), and the customers' "that solved
// it" on automatic answers: what the pyramid screens and the reports read.
import type { Db } from '../db/client.ts';
import { events, routingDecisions } from '../db/schema/index.ts';
import type { BrandContent } from './demo-types.ts';
import type { BrandPlan, ConversationPlan } from './demo-plan.ts';
import type { BrandStructure } from './demo-org.ts';
import { insertAll } from './demo-write.ts';

const PRESET = 'Préréglage all2c';
type Rule = { id: null; name: string; reason: string };
const rule = (name: string, reason: string): Rule => ({ id: null, name, reason });

/** Why the conversation went where it is, in the words the routing screen shows (the team works in French). */
function reasons(c: ConversationPlan): Rule[] {
  if (c.level === 1) return [rule(PRESET, 'Question courante avec un article publié : réponse automatique (niveau 1)')];
  if (c.level === 2) return [rule(PRESET, 'Question générale sans accès au compte : experts de la communauté (niveau 2)')];
  if (c.severity === 'crisis') return [rule('Sécurité : crise', 'Message de crise : responsable de l\'équipe interne, jamais de réponse automatique')];
  if (c.confidential) return [rule('Sujet confidentiel', `Intention « ${c.intent} » déclarée confidentielle : équipe interne uniquement`)];
  if (c.severity !== 'normal') return [rule('Gravité', `Gravité « ${c.severity} » : équipe interne (niveau 3)`)];
  if (c.team === 'provider') return [rule('Délégation au prestataire', 'Demande courante sur un canal privé : équipe du prestataire')];
  return [rule(PRESET, 'La demande nécessite une action sur le compte du client : équipe interne (niveau 3)')];
}

export type SeededBrand = {
  brand: BrandContent; s: BrandStructure; plan: BrandPlan;
  /** Index-aligned with the plan's conversations and contacts. */
  conversationIds: readonly string[]; contactIds: readonly string[];
  users: Record<string, string>; now: Date;
};

export async function insertRoutingHistory(db: Db, { brand, s, plan, conversationIds: ids, contactIds, users }: SeededBrand) {
  const rows: (typeof routingDecisions.$inferInsert)[] = [];
  const solved: (typeof events.$inferInsert)[] = [];
  plan.conversations.forEach((c, i) => {
    const conversationId = ids[i]!;
    const teamId = c.team ? (s.teams[c.team] ?? null) : null;
    const assigneeId = c.assignee ? (users[c.assignee] ?? null) : null;
    const created = c.messages[0]!.at.getTime();
    // Some ordinary account questions first went to the experts, who handed them up.
    const handedUp = c.level === 3 && c.severity === 'normal' && !c.confidential && c.team === 'core' && i % 3 === 0;
    if (handedUp) {
      const expert = `expert${i % brand.staff.experts.length}`;
      rows.push({
        orgId: s.orgId, conversationId, kind: 'route', toLevel: 2, toTeamId: s.teams.experts ?? null, toAssigneeId: users[expert] ?? null,
        priority: c.priority, rules: [rule(PRESET, 'Question générale : experts de la communauté (niveau 2)')], createdAt: new Date(created + 5_000),
      });
      rows.push({
        orgId: s.orgId, conversationId, kind: 'escalate', fromLevel: 2, fromTeamId: s.teams.experts ?? null, fromAssigneeId: users[expert] ?? null,
        toLevel: 3, toTeamId: teamId, toAssigneeId: assigneeId, priority: c.priority, actorUserId: users[expert] ?? null,
        rules: [rule('Escalade par l\'expert', 'Hors de ma compétence : il faut accéder au dossier du client')],
        note: 'Il faut regarder le dossier, je passe la main.', createdAt: new Date(created + 10 * 60_000),
      });
    } else {
      rows.push({
        orgId: s.orgId, conversationId, kind: 'route', toLevel: c.level, toTeamId: teamId, toAssigneeId: assigneeId,
        priority: c.priority, rules: reasons(c), createdAt: new Date(created + 5_000),
      });
    }
    // Level 1 answered and the customer's last word was a thank-you: they clicked "that solved it".
    const last = c.messages[c.messages.length - 1]!;
    if (c.level === 1 && c.resolvedAt && c.messages.length > 2 && last.authorKind === 'customer') {
      solved.push({
        orgId: s.orgId, type: 'level1.solved', actorKind: 'contact', actorId: contactIds[c.contact] ?? null, subjectType: 'conversation', subjectId: conversationId, createdAt: c.resolvedAt,
      });
    }
  });
  await insertAll(rows, (slice) => db.insert(routingDecisions).values(slice));
  await insertAll(solved, (slice) => db.insert(events).values(slice));
  return { routingDecisions: rows.length, solved: solved.length };
}
