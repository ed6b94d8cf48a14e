import type { Role } from '../db/schema/index.ts';

/** Who the caller is, resolved once per request from a session cookie or an API token. */
export type AuthContext = {
  userId: string;
  orgId: string;
  role: Role;
  teamId: string | null;
  via: 'session' | 'token';
};

export const STAFF_ROLES: readonly Role[] = ['admin', 'supervisor', 'agent', 'provider_agent', 'bot'];
export const MANAGER_ROLES: readonly Role[] = ['admin', 'supervisor'];
export const KNOWLEDGE_EDITOR_ROLES: readonly Role[] = ['admin', 'supervisor', 'agent', 'expert'];
export const ADMIN_ONLY: readonly Role[] = ['admin'];
export const ANY_ROLE: readonly Role[] = ['admin', 'supervisor', 'agent', 'provider_agent', 'expert', 'bot'];
/** The brand's own people (level 3, the core team): they see everything, confidential topics included.
 * Community experts (level 2) and provider agents see only what routing gives them. */
export const CORE_ROLES: readonly Role[] = ['admin', 'supervisor', 'agent', 'bot'];
export const isCoreTeam = (auth: Pick<AuthContext, 'role'>) => CORE_ROLES.includes(auth.role);
