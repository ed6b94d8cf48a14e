// Administration of channels: what an admin needs to connect each vendor (the webhook address and the
// secrets to paste in its console). Settings are stored sealed and shown only to admins.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CHANNEL_TYPES, type channels } from '../db/schema/index.ts';
import { authOf, requireRole } from '../http/authenticate.ts';
import { ADMIN_ONLY, STAFF_ROLES } from '../accounts/roles.ts';
import { recordEvent } from '../audit/record-event.ts';
import { channelById, createConfiguredChannel, getChannelRow, listChannels, renameChannel, updateChannelSettings } from './channels.service.ts';

const channelSchema = z.object({
  id: z.uuid(), type: z.enum(CHANNEL_TYPES), name: z.string(), isPublic: z.boolean(),
  /** Where the vendor must send its webhooks (null for channels that receive otherwise: email, API). */
  webhookPath: z.string(), settingsConfigured: z.boolean(), createdAt: z.string(),
  /** Chat only: the tag to paste on the brand's site. */
  embedSnippet: z.string().nullable(),
});
type Row = typeof channels.$inferSelect;
const presenter = (publicUrl: string | undefined) => (c: Row) => ({
  id: c.id, type: c.type, name: c.name, isPublic: c.isPublic,
  webhookPath: `/hooks/${c.type === 'web_form' ? 'web-form' : c.type}/${c.webhookKey}`,
  settingsConfigured: c.settingsEncrypted !== null, createdAt: c.createdAt.toISOString(),
  embedSnippet: c.type === 'chat'
    ? `<script src="${(publicUrl ?? '').replace(/\/$/, '')}/hooks/chat/${c.webhookKey}/widget.js" async></script>`
    : null,
});

export async function channelsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const tags = ['channels'];
  const params = z.object({ id: z.uuid() });
  const present = presenter(app.ctx.config.publicUrl);
  const find = (orgId: string, id: string) => getChannelRow(db, orgId, id);

  r.get('/channels', { schema: { tags, summary: "The organization's channels", response: { 200: z.object({ items: z.array(channelSchema) }) } }, preHandler: requireRole(STAFF_ROLES) },
    async (request) => ({ items: (await listChannels(db, authOf(request).orgId)).map(present) }));

  r.post('/channels', {
    schema: {
      tags, summary: 'Connect a channel (admin); settings are checked against the channel type and stored encrypted',
      body: z.strictObject({ type: z.enum(CHANNEL_TYPES), name: z.string().trim().min(1).max(100), isPublic: z.boolean().optional(), settings: z.record(z.string(), z.unknown()).optional() }),
      response: { 201: channelSchema },
    },
    preHandler: requireRole(ADMIN_ONLY),
  }, async (request, reply) => {
    const auth = authOf(request);
    const record = await createConfiguredChannel(db, auth.orgId, request.body);
    await recordEvent(db, { orgId: auth.orgId, type: 'channel.created', actor: { kind: 'user', id: auth.userId }, subject: { type: 'channel', id: record.id }, data: { type: record.type } });
    return reply.code(201).send(present(await find(auth.orgId, record.id)));
  });

  r.get('/channels/:id/settings', {
    schema: { tags, summary: "A channel's settings, secrets included, to paste in the vendor's console (admin)", params, response: { 200: z.object({ settings: z.record(z.string(), z.unknown()) }) } },
    preHandler: requireRole(ADMIN_ONLY),
  }, async (request) => {
    const row = await find(authOf(request).orgId, request.params.id);
    return { settings: (await channelById<Record<string, unknown>>(db, row.id)).settings };
  });

  r.patch('/channels/:id', {
    schema: {
      tags, summary: 'Rename a channel or replace its settings (admin)', params,
      body: z.strictObject({ name: z.string().trim().min(1).max(100).optional(), settings: z.record(z.string(), z.unknown()).optional() }),
      response: { 200: channelSchema },
    },
    preHandler: requireRole(ADMIN_ONLY),
  }, async (request) => {
    const auth = authOf(request);
    await find(auth.orgId, request.params.id);
    if (request.body.settings) await updateChannelSettings(db, auth.orgId, request.params.id, request.body.settings);
    if (request.body.name) await renameChannel(db, auth.orgId, request.params.id, request.body.name);
    await recordEvent(db, { orgId: auth.orgId, type: 'channel.updated', actor: { kind: 'user', id: auth.userId }, subject: { type: 'channel', id: request.params.id }, data: { fields: Object.keys(request.body) } });
    return present(await find(auth.orgId, request.params.id));
  });
}
