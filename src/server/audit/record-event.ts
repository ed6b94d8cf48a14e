import type { Db } from '../db/client.ts';
import { events } from '../db/schema/index.ts';

export type Actor = { kind: 'user' | 'contact' | 'system' | 'anonymous'; id?: string | null };

export type EventInput = {
  orgId: string | null;
  type: string;
  actor: Actor;
  subject?: { type: string; id: string };
  data?: Record<string, unknown>;
};

/** Appends to the audit log. Call it inside the same transaction as the change it records. */
export async function recordEvent(db: Db, e: EventInput): Promise<void> {
  await db.insert(events).values({
    orgId: e.orgId,
    type: e.type,
    actorKind: e.actor.kind,
    actorId: e.actor.id ?? null,
    subjectType: e.subject?.type ?? null,
    subjectId: e.subject?.id ?? null,
    data: e.data ?? {},
  });
}
