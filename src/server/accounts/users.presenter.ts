import { z } from 'zod';
import { ROLES } from '../db/schema/index.ts';
import type { users } from '../db/schema/index.ts';

export const userSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  teamId: z.uuid().nullable(),
  contactId: z.uuid().nullable(),
  locale: z.string(),
  disabled: z.boolean(),
  topics: z.array(z.string()),
  languages: z.array(z.string()),
  capacity: z.number().int(),
  createdAt: z.string(),
});

export function presentUser(u: typeof users.$inferSelect): z.infer<typeof userSchema> {
  return {
    id: u.id, orgId: u.orgId, email: u.email, name: u.name, role: u.role, teamId: u.teamId,
    contactId: u.contactId, locale: u.locale, disabled: u.disabledAt !== null,
    topics: u.topics, languages: u.languages, capacity: u.capacity, createdAt: u.createdAt.toISOString(),
  };
}
