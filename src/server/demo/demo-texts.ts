// Turns a topic's sentences into messages as they look on each channel: an e-mail has a greeting
// and a signature, a tweet mentions the brand, a chat line is bare.
import type { ChannelType, Severity } from '../db/schema/index.ts';
import type { Rng } from './demo-random.ts';
import type { BrandContent, Lang, Person, Texts } from './demo-types.ts';
import { abusiveLines, angryClosers, angryOpeners, complaintLines, fullName, initials } from './demo-phrases.ts';

const SIGNOFFS: Texts = { fr: ['Cordialement,', 'Merci d\'avance,', 'Bien à vous,', 'Bonne journée,'], en: ['Thanks,', 'Regards,', 'Best,'] };
const STAFF_SIGNOFF: Record<Lang, string> = { fr: 'Bien cordialement,', en: 'Kind regards,' };
const HELLO: Record<Lang, string> = { fr: 'Bonjour', en: 'Hello' };
const HI: Record<Lang, string> = { fr: 'Bonjour', en: 'Hi' };

const LETTER_CHANNELS: readonly ChannelType[] = ['email', 'web_form', 'api'];
const SOCIAL_CHANNELS: readonly ChannelType[] = ['facebook', 'instagram', 'x'];

export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** French elision once slots are filled: « gare de Antibes » → « gare d'Antibes ». */
export const elide = (s: string) => s.replace(/\b([dD])e (?=[AEIOUYÉÈÀÂÎÔH][a-zé])/g, "$1'");
/** Drops a leading « Bonjour, » when the message already gets a greeting or an angry opening. */
export const stripGreeting = (s: string) => capitalize(s.replace(/^(Bonjour|Hello|Hi|Coucou)\s*[,!]\s*/, ''));

/** The customer's words, with the tone their severity implies. */
export function customerOpener(rng: Rng, base: string, severity: Severity, lang: Lang): string {
  switch (severity) {
    case 'complaint':
      return `${base} ${rng.pick(complaintLines[lang])}`;
    case 'angry':
      return `${rng.pick(angryOpeners[lang])} ${stripGreeting(base)} ${rng.pick(angryClosers[lang])}`;
    case 'abusive':
      return `${base} ${rng.pick(abusiveLines[lang])}`;
    default:
      return base;
  }
}

export function asCustomerMessage(rng: Rng, brand: BrandContent, channel: ChannelType, lang: Lang, who: Person, body: string, first: boolean): string {
  if (channel === 'email') {
    // The letter form brings its own greeting: drop the one the chat-style sentence starts with.
    const text = stripGreeting(body);
    return first ? `${HELLO[lang]},\n\n${text}\n\n${rng.pick(SIGNOFFS[lang])}\n${fullName(who)}` : `${text}\n\n${who.first}`;
  }
  if (channel === 'x') return `${brand.xHandle} ${body}`;
  return body;
}

export type StaffVoice = { person: Person; kind: 'agent' | 'expert' | 'bot' };

/** A staff reply in the channel's conventions; bots already greet, experts sign with their own name on the forum. */
export function asStaffMessage(brand: BrandContent, channel: ChannelType, lang: Lang, customer: Person, voice: StaffVoice, body: string, first: boolean): string {
  if (voice.kind === 'bot') return body;
  if (LETTER_CHANNELS.includes(channel)) {
    return `${HELLO[lang]} ${customer.first},\n\n${body}\n\n${STAFF_SIGNOFF[lang]}\n${voice.person.first}\n${brand.signature[lang]}`;
  }
  const greeting = first ? `${HI[lang]} ${customer.first}${lang === 'fr' ? ' !' : '!'} ` : '';
  if (voice.kind === 'expert') return `${greeting}${body}`;
  if (SOCIAL_CHANNELS.includes(channel)) return `${greeting}${body} ^${initials(voice.person)}`;
  if (channel === 'sms') return `${greeting}${body} – ${brand.name}`;
  return `${greeting}${body}`;
}
