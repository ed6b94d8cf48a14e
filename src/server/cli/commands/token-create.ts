import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.ts';
import { createApiToken } from '../../accounts/api-tokens.service.ts';
import { withDatabase } from '../with-database.ts';
import { CliError } from '../cli-error.ts';

/** Prints only the token on stdout, so scripts can capture it: TOKEN=$(relais token create --email …). */
export async function tokenCreateCommand(values: { email?: string | undefined; name?: string | undefined }): Promise<number> {
  if (!values.email) throw new CliError('--email is required', 2);
  const token = await withDatabase(async ({ db }) => {
    const [user] = await db.select().from(users).where(eq(users.email, values.email!.trim().toLowerCase()));
    if (!user) throw new CliError(`no user with email ${values.email}`);
    if (user.disabledAt) throw new CliError(`user ${values.email} is disabled`);
    return (await createApiToken(db, user.orgId, user.id, values.name ?? 'cli', null)).token;
  });
  process.stdout.write(`${token}\n`);
  return 0;
}
