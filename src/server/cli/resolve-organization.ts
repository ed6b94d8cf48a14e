import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { organizations } from '../db/schema/index.ts';
import { CliError } from './cli-error.ts';

/** The brand named by --org (slug or id), or the only brand when there is just one. */
export async function resolveOrganization(db: Db, org: string | undefined) {
  const brands = await db.select().from(organizations).where(eq(organizations.kind, 'brand'));
  if (org) {
    const found = brands.find((b) => b.slug === org || b.id === org);
    if (!found) throw new CliError(`no brand with slug or id "${org}" (known: ${brands.map((b) => b.slug).join(', ') || 'none'})`);
    return found;
  }
  if (brands.length === 1) return brands[0]!;
  if (brands.length === 0) throw new CliError('no organization yet: create one with `relais org create --name … --slug …`');
  throw new CliError(`several brands exist, choose one with --org (${brands.map((b) => b.slug).join(', ')})`, 2);
}
