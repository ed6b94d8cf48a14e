// Fake customers with one identity per channel they used. Only reserved fake data: @example.com addresses,
// the numbers set aside for fiction (+33 6 39 98 …, +44 7700 900 …), random social ids.
import type { ChannelType } from '../db/schema/index.ts';
import type { Rng } from './demo-random.ts';
import type { Lang, Person } from './demo-types.ts';
import { asciiSlug, firstNames, fullName, lastNames } from './demo-phrases.ts';

export type IdentityPlan = { channelType: ChannelType; externalId: string; displayName: string | null };
export type ContactPlan = {
  person: Person;
  lang: Lang;
  email: string | null;
  phone: string | null;
  segment: string;
  identities: IdentityPlan[];
  createdAt: Date;
};

/** Builds contacts for one brand; identities are unique per (brand, channel type, external id) as the schema demands. */
export class ContactBook {
  readonly contacts: ContactPlan[] = [];
  private readonly taken = new Set<string>();

  constructor(private readonly rng: Rng) {}

  create(lang: Lang, segment: string, createdAt: Date, person?: Person): number {
    const p = person ?? { first: this.rng.pick(firstNames[lang]), last: this.rng.pick(lastNames[lang]) };
    this.contacts.push({ person: p, lang, email: null, phone: null, segment, identities: [], createdAt });
    return this.contacts.length - 1;
  }

  /** Gives the contact this address (before any identity is made), so no one else draws it. */
  reserveEmail(index: number, email: string): void {
    this.taken.add(`email:${email}`);
    this.contacts[index]!.email = email;
  }

  /** The contact's identity on this channel type, created on first use. */
  identify(index: number, type: ChannelType): IdentityPlan {
    const c = this.contacts[index]!;
    const existing = c.identities.find((i) => i.channelType === type);
    if (existing) return existing;
    const identity = this.newIdentity(c, type);
    c.identities.push(identity);
    return identity;
  }

  private newIdentity(c: ContactPlan, type: ChannelType): IdentityPlan {
    const name = fullName(c.person);
    const first = asciiSlug(c.person.first, '');
    const last = asciiSlug(c.person.last, '');
    switch (type) {
      case 'email':
      case 'web_form':
      case 'chat':
        c.email ??= this.unique('email', () => `${first}.${last}${this.rng.chance(0.5) ? this.rng.int(1, 99) : ''}@example.com`);
        return { channelType: type, externalId: c.email, displayName: name };
      case 'sms':
        c.phone ??= this.unique('phone', () => (c.lang === 'fr' ? `+3363998${this.rng.digits(4)}` : `+447700900${String(this.rng.int(0, 999)).padStart(3, '0')}`));
        return { channelType: type, externalId: c.phone, displayName: null };
      case 'facebook':
        return { channelType: type, externalId: this.unique(type, () => this.rng.digits(16)), displayName: name };
      case 'instagram':
        return { channelType: type, externalId: this.unique(type, () => this.rng.digits(17)), displayName: this.handle(first, last, '.') };
      case 'x':
        return { channelType: type, externalId: this.unique(type, () => this.rng.digits(19)), displayName: this.handle(first, last, '_') };
      case 'community': {
        const username = this.unique(type, () => `${first}_${last.slice(0, 1)}${this.rng.int(1, 99)}`);
        return { channelType: type, externalId: username, displayName: username };
      }
      case 'api':
        return { channelType: type, externalId: this.unique(type, () => `app-user-${this.rng.digits(8)}`), displayName: name };
    }
  }

  private handle(first: string, last: string, sep: string) {
    return `@${first}${sep}${last.slice(0, this.rng.int(1, 4))}${this.rng.chance(0.5) ? this.rng.int(1, 99) : ''}`;
  }

  private unique(kind: string, make: () => string): string {
    for (;;) {
      const value = make();
      if (!this.taken.has(`${kind}:${value}`)) {
        this.taken.add(`${kind}:${value}`);
        return value;
      }
    }
  }
}
