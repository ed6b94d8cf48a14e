// Personal identifiers in the original text (emails, phones, IBANs, card numbers,
// order/reference numbers, postal addresses). Checksums (IBAN mod 97, Luhn) keep
// random digit runs such as tracking numbers from being read as bank data.

export type IdentifierKind = 'email' | 'phone' | 'iban' | 'card' | 'reference' | 'social_security' | 'postal_address';

export interface IdentifierHit {
  kind: IdentifierKind;
  /** Masked, so reasons never repeat the personal data itself. */
  masked: string;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const PHONE = /(?:\+|00)\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,5}|(?<![\d+])0[1-9](?:[\s.-]?\d{2}){4}(?!\d)/g;
const IBAN = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b/gi;
const CARD = /(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)/g;
const REFERENCE = /(?:commande|order|cde|dossier|ticket|r[ée]f[ée]rence|ref|facture|invoice|contrat|contract|colis|parcel|suivi|tracking|client|customer|compte|account|r[ée]servation|booking|billet|pnr|case)\s*(?:n\s?[°ºo]\.?|no\.?|num[ée]ro|number|nr|#|:)?\s*:?\s*([A-Z0-9][A-Z0-9-]{4,})/giu;
const HASH_NUMBER = /#\s?\d{4,}/g;
const SOCIAL_SECURITY = /(?<!\d)[12][\s.]?\d{2}[\s.]?(?:0[1-9]|1[0-2]|[2-9]\d)[\s.]?(?:\d{2}|2[AB])[\s.]?\d{3}[\s.]?\d{3}(?:[\s.]?\d{2})?(?!\d)/g;
const POSTAL_ADDRESS = /\b\d{1,4}(?:\s?(?:bis|ter))?,?\s(?:rue|avenue|av\.?|boulevard|bd|chemin|impasse|all[ée]e|place|route|quai|cours|street|st\.?|road|rd\.?|lane|drive|ave\.?)\s+\p{L}/giu;

function mask(value: string): string {
  const v = value.replace(/\s+/g, '');
  return v.length <= 4 ? '****' : `${v.slice(0, 2)}…${v.slice(-2)}`;
}

/** ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function isValidIban(candidate: string): boolean {
  const iban = candidate.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const digits = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1;
}

/** Luhn check used by payment cards. */
export function passesLuhn(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  if (digits.length < 13 || digits.length > 19 || /^(\d)\1+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Cuts unbroken runs longer than any identifier, so the patterns below cannot backtrack for long. */
export function boundRuns(text: string): string {
  return text.replace(/\S{400,}/g, ' ');
}

export function findIdentifiers(text: string): IdentifierHit[] {
  const original = boundRuns(text);
  const hits: IdentifierHit[] = [];
  const add = (kind: IdentifierKind, value: string): void => {
    if (hits.length < 20) hits.push({ kind, masked: mask(value) });
  };
  if (original.includes('@')) for (const m of original.matchAll(EMAIL)) add('email', m[0]);
  for (const m of original.matchAll(IBAN)) if (isValidIban(m[0])) add('iban', m[0]);
  for (const m of original.matchAll(CARD)) if (passesLuhn(m[0])) add('card', m[0]);
  for (const m of original.matchAll(SOCIAL_SECURITY)) {
    if (m[0].replace(/\D/g, '').length >= 13) add('social_security', m[0]);
  }
  for (const m of original.matchAll(PHONE)) {
    const digits = m[0].replace(/\D/g, '').length;
    if (digits >= 9 && digits <= 15 && !passesLuhn(m[0])) add('phone', m[0]);
  }
  for (const m of original.matchAll(REFERENCE)) {
    const id = m[1] ?? '';
    if ((id.match(/\d/g)?.length ?? 0) >= 3) add('reference', id);
  }
  for (const m of original.matchAll(HASH_NUMBER)) add('reference', m[0]);
  for (const m of original.matchAll(POSTAL_ADDRESS)) add('postal_address', m[0]);
  return hits;
}
