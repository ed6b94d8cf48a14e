import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { alerts } from '../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { getOrgSettings } from '../organizations/org-settings.ts';
import { publishRealtime } from '../realtime/publish-realtime.ts';
import { deliverAlert, type AlertPayload, type MailSettings } from './deliver-alert.ts';

export const alertSchema = z.object({
  id: z.uuid(), kind: z.string(), conversationId: z.uuid(), messageId: z.uuid().nullable(), summary: z.string(),
  acknowledged: z.boolean(), acknowledgedByUserId: z.uuid().nullable(), acknowledgedAt: z.string().nullable(),
  deliveries: z.array(z.record(z.string(), z.unknown())), createdAt: z.string(),
});
type AlertRow = typeof alerts.$inferSelect;
export const presentAlert = (a: AlertRow): z.infer<typeof alertSchema> => ({
  id: a.id, kind: a.kind, conversationId: a.conversationId, messageId: a.messageId, summary: a.summary,
  acknowledged: a.acknowledged, acknowledgedByUserId: a.acknowledgedByUserId, acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
  deliveries: a.deliveries, createdAt: a.createdAt.toISOString(),
});

export type NewAlert = { orgId: string; kind: 'crisis' | 'unrouted' | 'sla_warning' | 'sla_breach'; conversationId: string; messageId: string | null; summary: string; severity: string };

/** Stores the alert (visible in the app at once), then pushes it out by webhook and email, recording each outcome. */
export async function raiseAlert(db: Db, input: NewAlert, mail: MailSettings, publicUrl?: string): Promise<AlertRow> {
  const [alert] = await db.insert(alerts).values({
    orgId: input.orgId, kind: input.kind, conversationId: input.conversationId, messageId: input.messageId, summary: input.summary,
  }).returning();
  await publishRealtime(db, input.orgId, { kind: 'alert.raised', alertId: alert!.id, conversationId: input.conversationId });
  await recordEvent(db, {
    orgId: input.orgId, type: 'alert.raised', actor: { kind: 'system' }, subject: { type: 'conversation', id: input.conversationId },
    data: { alertId: alert!.id, kind: input.kind },
  });
  const settings = await getOrgSettings(db, input.orgId);
  const payload: AlertPayload = {
    id: alert!.id, kind: input.kind, orgId: input.orgId, conversationId: input.conversationId, messageId: input.messageId,
    summary: input.summary, severity: input.severity, createdAt: alert!.createdAt.toISOString(),
    url: publicUrl ? `${publicUrl.replace(/\/$/, '')}/conversations/${input.conversationId}` : null,
  };
  const deliveries = await deliverAlert(payload, settings.alerts, mail);
  if (deliveries.length === 0) return alert!;
  const [updated] = await db.update(alerts).set({ deliveries }).where(eq(alerts.id, alert!.id)).returning();
  return updated!;
}

export async function listAlerts(db: Db, orgId: string, filter: { acknowledged?: boolean | undefined }) {
  const rows = await db.select().from(alerts)
    .where(and(eq(alerts.orgId, orgId), filter.acknowledged === undefined ? undefined : eq(alerts.acknowledged, filter.acknowledged)))
    .orderBy(desc(alerts.createdAt)).limit(200);
  return rows.map(presentAlert);
}

export async function acknowledgeAlert(db: Db, orgId: string, id: string, userId: string) {
  const [row] = await db.update(alerts).set({ acknowledged: true, acknowledgedByUserId: userId, acknowledgedAt: new Date() })
    .where(and(eq(alerts.id, id), eq(alerts.orgId, orgId))).returning();
  if (!row) throw notFound('alert');
  await recordEvent(db, { orgId, type: 'alert.acknowledged', actor: { kind: 'user', id: userId }, subject: { type: 'alert', id } });
  return presentAlert(row);
}
