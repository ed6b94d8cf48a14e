// Attachment bytes go to the data directory, named by their SHA-256 under the tenant: the message row keeps
// only name, type, size and storageKey. Why files and not the database: a 10 MB PDF in messages.attachments
// (jsonb) would be read by every inbox query that loads messages, and there is no attachments table yet.
// Content addressing makes a resent mail write nothing new, and files are written before intake commits, so
// a crash can leave an unreferenced file but never a message pointing at a missing one.
// With several processes on one PostgreSQL, RELAIS_DATA_DIR must be shared storage for downloads to work.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { Attachment } from '../../db/schema/index.ts';

export type MailAttachment = { filename?: string; contentType: string; size?: number; content: Buffer; contentId?: string; related?: boolean };
export type StoredAttachment = Attachment & { contentId?: string; inline?: boolean };
export type DroppedAttachment = { name: string; contentType: string; size: number; reason: string };

/** The file behind a storageKey, refusing keys that would leave the attachments folder. */
export function attachmentPath(dataDir: string, storageKey: string): string {
  const root = resolve(dataDir, 'attachments');
  const path = resolve(dataDir, storageKey);
  if (!path.startsWith(root + sep)) throw new Error('invalid attachment storage key');
  return path;
}

export async function storeAttachments(dataDir: string, orgId: string, attachments: MailAttachment[], maxBytes: number) {
  const stored: StoredAttachment[] = [];
  const dropped: DroppedAttachment[] = [];
  for (const [i, a] of attachments.entries()) {
    const name = a.filename?.trim() || `piece-jointe-${i + 1}`;
    const size = a.content.length;
    if (size > maxBytes) {
      dropped.push({ name, contentType: a.contentType, size, reason: `larger than ${maxBytes} bytes` });
      continue;
    }
    const digest = createHash('sha256').update(a.content).digest('hex');
    const storageKey = ['attachments', orgId, digest].join('/');
    await writeOnce(attachmentPath(dataDir, storageKey), a.content);
    stored.push({
      name, contentType: a.contentType, size, storageKey,
      ...(a.contentId ? { contentId: a.contentId.replace(/^<|>$/g, '') } : {}), ...(a.related ? { inline: true } : {}),
    });
  }
  return { stored, dropped };
}

async function writeOnce(path: string, content: Buffer) {
  if (await stat(path).then((s) => s.size === content.length, () => false)) return;
  await mkdir(join(path, '..'), { recursive: true });
  // Write then rename: a reader (or a concurrent copy of the same mail) never sees half a file.
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(tmp, content, { mode: 0o600 });
  await rename(tmp, path);
}

const mo = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;

/** The line added to the message body so the agent sees what was not kept (French first, like the customers). */
export function droppedAttachmentsNote(dropped: DroppedAttachment[], maxBytes: number): string {
  return dropped.map((d) => `[Pièce jointe non conservée : « ${d.name} » (${mo(d.size)}), au-delà de la limite de ${mo(maxBytes)}]`).join('\n');
}
