// What a caller sees of the customer's personal data. Community experts get every free text masked
// (redact.ts) except the fields the brand grants; everyone else sees records as stored.
// Presenters take a Redaction (null: nothing to mask) so every route an expert reaches masks the same way.
import type { Db } from '../db/client.ts';
import { getOrgSettings } from '../organizations/org-settings.ts';
import type { Caller } from './conversation-scope.ts';
import { firstNameOnly, redactText, type RedactableField, type RedactionPolicy } from './redact.ts';

export type Redaction = {
  policy: RedactionPolicy;
  text(s: string): string;
  nullable(s: string | null): string | null;
  /** Strings anywhere in a JSON value (triage details, search snippets). */
  deep<T>(value: T): T;
  /** A customer's name: the first name only. */
  personName(name: string | null): string | null;
};

export const redactsFor = (caller: Pick<Caller, 'role'>) => caller.role === 'expert';

export function redactionOf(policy: RedactionPolicy): Redaction {
  const text = (s: string) => redactText(s, policy);
  const deep = (value: unknown): unknown => {
    if (typeof value === 'string') return text(value);
    if (Array.isArray(value)) return value.map(deep);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deep(v)]));
    return value;
  };
  return {
    policy, text, nullable: (s) => (s === null ? null : text(s)), deep: <T>(v: T) => deep(v) as T,
    personName: (name) => firstNameOnly(name, policy),
  };
}

/** Null for callers who see personal data; for experts, the organization's grants and placeholder language. */
export async function redactionFor(db: Db, caller: Caller): Promise<Redaction | null> {
  if (!redactsFor(caller)) return null;
  const settings = await getOrgSettings(db, caller.orgId);
  return redactionOf({ visible: new Set<RedactableField>(settings.pyramid.expertVisibleFields), locale: settings.defaultLocale });
}
