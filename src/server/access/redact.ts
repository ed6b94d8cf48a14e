// Masks a customer's personal data in free text for community experts (level 2): emails, phone numbers,
// postal addresses and order or booking references, unless the brand grants that field
// (settings `pyramid.expertVisibleFields`). Bank details (IBAN, card numbers) are always masked.
//
// Pattern based, so it errs towards masking: a reference-looking token near a booking word goes, while
// prices, dates, times and train numbers ("TGV 6607") stay readable (redact.test.ts holds both kinds).
import type { REDACTABLE_FIELDS } from '../organizations/org-settings.ts';

export type RedactableField = (typeof REDACTABLE_FIELDS)[number];
type Masked = RedactableField | 'bank';

export type RedactionPolicy = {
  /** Fields the brand lets experts see. */
  visible: ReadonlySet<RedactableField>;
  /** The organization's default locale: the language of the placeholders. */
  locale: string;
};

const PLACEHOLDERS: Record<'fr' | 'en', Record<Masked, string>> = {
  fr: {
    email: '[email masqué]', phone: '[téléphone masqué]', address: '[adresse masquée]',
    orderNumber: '[référence masquée]', bank: '[coordonnées bancaires masquées]',
  },
  en: {
    email: '[email hidden]', phone: '[phone hidden]', address: '[address hidden]',
    orderNumber: '[reference hidden]', bank: '[bank details hidden]',
  },
};

export const placeholderOf = (field: Masked, locale: string) => PLACEHOLDERS[locale === 'en' ? 'en' : 'fr'][field];

/** Case-insensitive letters for one word, keeping the rest of the pattern case-sensitive (no inline (?i) in Node 20). */
const ci = (word: string) => word.replace(/\p{L}/gu, (ch) => `[${ch.toLowerCase()}${ch.toUpperCase()}]`);
const words = (list: string[]) => list.map(ci).join('|');

// ── bank details ────────────────────────────────────────────────────────────────────────────────────
const IBAN = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b/g;
const CARD_CANDIDATE = /(?<!\d|\d[.,])\d(?:[ -]?\d){12,18}(?!\d|[.,]\d)/g;
/** Printed the way cards are (four groups of four): a card number even when it fails the checksum (a typo). */
const CARD_GROUPED = /(?<!\d|\d[.,])\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?(?!\d|[.,]\d)/g;

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

// ── emails ──────────────────────────────────────────────────────────────────────────────────────────
const EMAIL = /[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}/gu;
/** "jean.dupont (at) gmail (dot) com", written so to dodge filters. */
const EMAIL_SPELLED = /[\p{L}\d._%+-]+\s*[([](?:at|arobase)[)\]]\s*[\p{L}\d-]+(?:\s*(?:[([](?:dot|point)[)\]]|\.)\s*[\p{L}\d-]+)+/giu;

// ── order and booking references ────────────────────────────────────────────────────────────────────
const REFERENCE_WORDS = words([
  'commande', 'cde', 'order', 'booking', 'réservation', 'reservation', 'dossier', 'référence', 'reference', 'réf', 'ref',
  'billet', 'ticket', 'facture', 'invoice', 'pnr', 'confirmation', 'colis', 'parcel', 'suivi', 'tracking', 'contrat',
  'contract', 'client', 'customer', 'abonné', 'abonnement', 'account', 'compte', 'carte', 'card', 'membre', 'member',
]);
const NUMBER_WORDS = `(?:n°|nº|no\\.?|num(?:éro|ero)?\\.?|number|nr\\.?|#|:|${words(['de', 'du', 'of', 'the', 'la', 'mon', 'ma', 'my', 'votre', 'your', 'numéro', 'numero', 'fidélité', 'fidelite', 'loyalty', 'voyageur'])})`;
/** A keyword, then "n°", "#", "number"…, then the reference itself (captured): it holds a digit or is six capitals. */
const KEYWORD_REFERENCE = new RegExp(
  `(\\b(?:${REFERENCE_WORDS})\\.?(?:\\s*${NUMBER_WORDS})*\\s*)` +
  `(#?(?!\\d{4}-\\d{2}-\\d{2}\\b|\\d{1,2}-\\d{1,2}-\\d{2,4}\\b)(?=[A-Z0-9-]*\\d)[A-Z0-9][A-Z0-9-]{3,}[A-Z0-9]\\b|[A-Z]{6}\\b)`,
  'gu',
);
/** Six capitals and digits mixed (a PNR such as "X7K9QZ"), or longer mixed codes with several digits (parcel numbers). */
const PNR = /\b(?=[A-Z0-9]{6}\b)(?=[A-Z]*\d)(?=\d*[A-Z])[A-Z0-9]{6}\b/g;
const LONG_CODE = /\b(?=[A-Z0-9]{8,30}\b)(?=(?:[A-Z]*\d){3})(?=\d*[A-Z])[A-Z0-9]{8,30}\b/g;
/** Eight digits or more standing alone: customer, order or tracking numbers (phone numbers went first). */
const LONG_NUMBER = /(?<![\d:/]|\d[.,-])\d{8,20}(?![\d:/]|[.,-]\d)/g;

// ── phone numbers ───────────────────────────────────────────────────────────────────────────────────
const PHONE_PATTERNS = [
  // French: 06 12 34 56 78, 06.12.34.56.78, 0612345678, +33 6 12 34 56 78, +33 (0)6…, 0033 6…
  /(?<![\w+])(?:(?:\+|00)33[ .-]?(?:\(0\)[ .-]?)?|0)[1-9](?:[ .-]?\d{2}){4}(?!\d)/g,
  // International with a country code: +44 20 7946 0958, +1 (415) 555-0132, +49 30 1234567
  /(?<![\w+])(?:\+|00)[1-9]\d{0,2}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{1,4}(?:[ .-]?\d{2,4}){1,4}(?!\d)/g,
  // North American without the country code: (415) 555-0132, 415-555-0132, 415.555.0132
  /(?<!\w)(?:\(\d{3}\)\s?|\d{3}[-.])\d{3}[-.]\d{4}(?!\d)/g,
  // British national numbers: 020 7946 0958, 07700 900123
  /(?<![\w+])0[1-9]\d{1,3}[ ]\d{3,4}[ ]?\d{3,4}(?!\d)/g,
];

// ── postal addresses ────────────────────────────────────────────────────────────────────────────────
const FR_STREET_TYPES = words([
  'rue', 'avenue', 'av', 'boulevard', 'bd', 'bld', 'place', 'pl', 'impasse', 'allée', 'allee', 'chemin', 'route', 'quai',
  'cours', 'square', 'passage', 'faubourg', 'fg', 'rond-point', 'cité', 'cite', 'voie', 'sentier', 'lieu-dit', 'résidence',
  'residence', 'hameau', 'villa', 'esplanade', 'parvis', 'promenade', 'chaussée', 'chaussee', 'ruelle', 'montée', 'montee',
]);
/** "12 rue", "12 bis, avenue", "3ter bd": the street's name is taken by extendStreetName(). */
const FR_STREET_START = new RegExp(`(?<![\\d\\p{L}])\\d{1,4}(?:\\s?(?:${words(['bis', 'ter', 'quater'])}|[bBtT]\\b))?,?\\s+(?:${FR_STREET_TYPES})\\.?(?=\\s)`, 'gu');
const EN_STREET = new RegExp(
  `(?<![\\d\\p{L}])\\d{1,5}[A-Za-z]?,?\\s+(?:\\p{Lu}[\\p{L}'’.-]*\\s+){1,4}` +
  `(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Place|Pl|Square|Sq|Terrace|Way|Close|Crescent|Gardens|Parkway|Pkwy|Highway|Hwy|Row|Mews|Hill)\\b\\.?` +
  `(?:,?\\s+(?:Apt|Apartment|Flat|Suite|Unit)\\.?\\s*#?[A-Za-z0-9-]+)?`,
  'gu',
);
/** A postcode and a city: "75002 Paris", "F-69003 Lyon", "13008 Marseille Cedex 08". Units after a number are not cities. */
const NOT_CITIES = new Set([
  'euros', 'euro', 'eur', 'dollars', 'usd', 'livres', 'pounds', 'km', 'kilomètres', 'kilometres', 'miles', 'points', 'clients',
  'customers', 'personnes', 'people', 'voyageurs', 'passengers', 'habitants', 'trains', 'followers', 'abonnés', 'messages',
  'fois', 'times', 'ans', 'years', 'jours', 'days', 'minutes', 'heures', 'hours', 'secondes', 'seconds', 'mois', 'months',
  'exemplaires', 'copies', 'articles', 'items', 'pages', 'mots', 'words', 'litres', 'liters', 'kg', 'tonnes', 'mètres', 'metres',
]);
const FR_POSTCODE_CITY = /(?<![\d\p{L}-])(?:F-)?\d{5}\s+(\p{L}[\p{L}'’-]*)(?:[ -](?:(?:sur|sous|en|le|la|les|de|du|des|lès|lez)(?![\p{L}'’-])|\p{Lu}[\p{L}'’-]*))*(?:\s+(?:CEDEX|Cedex|cedex)(?:\s+\d{1,2})?)?/gu;
const UK_POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b/g;
const US_STATE_ZIP = /\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b/g;

/** Words that end a street's name: the sentence goes on. */
const STREET_NAME_STOP = new Set([
  'et', 'à', 'a', 'mais', 'pour', 'donc', 'car', 'qui', 'que', 'je', "j'", 'nous', 'vous', 'il', 'elle', 'on', 'depuis',
  'merci', 'svp', 'avant', 'après', 'chez', 'au', 'aux', 'dans', 'est', 'sont', 'était', 'and', 'but', 'for', 'in', 'on',
  'i', 'we', 'please', 'since', 'thanks', 'is', 'was', 'to', 'at', 'with', 'avec',
]);
const CONNECTORS = new Set(['de', 'du', 'des', 'la', 'le', 'les', "l'", "d'", 'l’', 'd’', 'sur', 'en', 'aux', 'saint', 'sainte']);

/** After "12 rue", takes the street's name: up to six words, ending at punctuation, a postcode or a word that goes on with the sentence. */
function extendStreetName(text: string, from: number): number {
  const word = /\s+([\p{L}\d'’.-]+)/uy;
  let end = from;
  let taken = 0;
  while (taken < 6) {
    word.lastIndex = end;
    const m = word.exec(text);
    if (!m) break;
    const w = m[1]!;
    const bare = w.replace(/[.,;:!?]+$/u, '');
    const lower = bare.toLowerCase();
    if (/^\d{5}$/.test(bare) || (STREET_NAME_STOP.has(lower) && !CONNECTORS.has(lower))) break;
    if (/^[a-zà-ÿ]/u.test(bare) && taken >= 2 && !CONNECTORS.has(lower)) break; // lower-case after a name: the sentence resumes
    end = word.lastIndex - (w.length - bare.length);
    taken++;
    if (bare !== w) break; // punctuation closes the name
  }
  return end;
}

function maskStreets(text: string, placeholder: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(FR_STREET_START)) {
    if (m.index! < last) continue;
    const end = extendStreetName(text, m.index! + m[0].length);
    if (end === m.index! + m[0].length) continue; // "1 place pour Paris": a seat, not a square
    out += text.slice(last, m.index) + placeholder;
    last = end;
  }
  return out + text.slice(last);
}

function maskPostcodes(text: string, placeholder: string): string {
  return text.replace(FR_POSTCODE_CITY, (match, city: string) => {
    const lower = city.toLowerCase();
    const notCity = NOT_CITIES.has(lower) || (/^\p{Ll}/u.test(city) && (STREET_NAME_STOP.has(lower) || lower.length < 3));
    return notCity ? match : placeholder;
  });
}

/** Masks what the policy does not let through. Placeholders carry no digits, so later patterns never match them. */
export function redactText(text: string, policy: RedactionPolicy): string {
  const show = (field: RedactableField) => policy.visible.has(field);
  const mask = (field: Masked) => placeholderOf(field, policy.locale);
  let t = text;
  t = t.replace(IBAN, mask('bank'));
  t = t.replace(CARD_GROUPED, mask('bank'));
  t = t.replace(CARD_CANDIDATE, (m) => (luhnValid(m.replace(/\D/g, '')) ? mask('bank') : m));
  if (!show('email')) t = t.replace(EMAIL, mask('email')).replace(EMAIL_SPELLED, mask('email'));
  if (!show('orderNumber')) t = t.replace(KEYWORD_REFERENCE, (_m, lead: string) => lead + mask('orderNumber'));
  if (!show('phone')) for (const pattern of PHONE_PATTERNS) t = t.replace(pattern, mask('phone'));
  // Before addresses: a PNR such as "X7K9QZ" would otherwise read as a British postcode.
  if (!show('orderNumber')) {
    t = t.replace(PNR, mask('orderNumber')).replace(LONG_CODE, mask('orderNumber')).replace(LONG_NUMBER, mask('orderNumber'));
  }
  if (!show('address')) {
    t = t.replace(EN_STREET, mask('address'));
    t = maskStreets(t, mask('address'));
    t = maskPostcodes(t, mask('address'));
    t = t.replace(UK_POSTCODE, mask('address')).replace(US_STATE_ZIP, mask('address'));
  }
  return t;
}

/** A person's name as experts see it: the first name only ("Camille Martin" → "Camille"); an email-like name is masked. */
export function firstNameOnly(name: string | null, policy: RedactionPolicy): string | null {
  if (!name) return name;
  const first = name.trim().split(/\s+/u)[0] ?? '';
  return redactText(first, policy);
}
