import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ROLES, type Role } from '../../db/schema/index.ts';
import { createUser } from '../../accounts/users.service.ts';
import { withDatabase } from '../with-database.ts';
import { resolveOrganization } from '../resolve-organization.ts';
import { CliError } from '../cli-error.ts';

type Values = { email?: string | undefined; role?: string | undefined; name?: string | undefined; org?: string | undefined; password?: string | undefined };

export async function userCreateCommand(values: Values): Promise<number> {
  if (!values.email || !z.email().safeParse(values.email).success) throw new CliError('--email is required and must be an email address', 2);
  if (!values.role || !(ROLES as readonly string[]).includes(values.role)) throw new CliError(`--role must be one of: ${ROLES.join(', ')}`, 2);
  const role = values.role as Role;
  // The bot authenticates with API tokens only.
  const password = role === 'bot' ? undefined : (values.password ?? randomBytes(12).toString('base64url'));
  const user = await withDatabase(async ({ db }) => {
    const org = await resolveOrganization(db, values.org);
    return createUser(db, org.id, { email: values.email!, name: values.name ?? values.email!.split('@')[0]!, role, password }, { kind: 'system' });
  });
  process.stdout.write(`created ${user.role} ${user.email} (${user.id})${password && !values.password ? `\npassword: ${password}` : ''}\n`);
  return 0;
}
