import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf, requireRole } from '../http/authenticate.ts';
import { ADMIN_ONLY, STAFF_ROLES } from '../accounts/roles.ts';
import { recordEvent } from '../audit/record-event.ts';
import { getOrgSettings, orgSettingsSchema, updateOrgSettings } from './org-settings.ts';
import { forgetTriageSettings } from '../triage/triage-for-org.ts';
import { forgetRouting } from '../routing/routing-cache.ts';

const patchSchema = z.strictObject({
  triage: orgSettingsSchema.shape.triage.unwrap().partial().strict().optional(),
  alerts: orgSettingsSchema.shape.alerts.unwrap().partial().strict().optional(),
  pyramid: orgSettingsSchema.shape.pyramid.unwrap().partial().strict().optional(),
  sla: orgSettingsSchema.shape.sla.unwrap().partial().strict().optional(),
});

export async function settingsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const tags = ['settings'];

  r.get('/settings', { schema: { tags, summary: "The organization's settings", response: { 200: orgSettingsSchema } }, preHandler: requireRole(STAFF_ROLES) },
    async (request) => {
      const { defaultLocale: _locale, ...settings } = await getOrgSettings(db, authOf(request).orgId);
      return settings;
    });

  r.patch('/settings', { schema: { tags, summary: 'Change settings (admin)', body: patchSchema, response: { 200: orgSettingsSchema } }, preHandler: requireRole(ADMIN_ONLY) },
    async (request) => {
      const auth = authOf(request);
      const next = await updateOrgSettings(db, auth.orgId, request.body);
      forgetTriageSettings(auth.orgId);
      forgetRouting(auth.orgId); // a new preset or confidential topics apply from the next message
      await recordEvent(db, { orgId: auth.orgId, type: 'settings.updated', actor: { kind: 'user', id: auth.userId }, data: { sections: Object.keys(request.body) } });
      return next;
    });
}
