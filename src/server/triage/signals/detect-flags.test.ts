import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { detectFlags, type Flag, type FlagInput } from './detect-flags.ts';
import { findIdentifiers, isValidIban, passesLuhn } from './detect-identifiers.ts';

const PRIVATE = { type: 'email', isPublic: false };
const PUBLIC = { type: 'x', isPublic: true };
const flagsOf = (text: string, extra: Partial<FlagInput> = {}): Flag[] =>
  detectFlags({ text, channel: PRIVATE, sentiment: 0, severity: 'normal', ...extra }).flags;

describe('reputation_risk', () => {
  it('needs a public channel, negativity and reach (audience or a threat to go public)', () => {
    const negative = { channel: PUBLIC, sentiment: -0.6, severity: 'complaint' } as const;
    assert.deepEqual(flagsOf('Service nul', { ...negative, audience: { followers: 25_000 } }), ['reputation_risk']);
    assert.deepEqual(flagsOf('Service nul', { ...negative, audience: { followers: 40 } }), []);
    assert.deepEqual(flagsOf('Service nul, je vais le poster sur TikTok', { ...negative }), ['reputation_risk']);
    assert.deepEqual(flagsOf("This is going viral, I'm telling the press", { channel: PUBLIC, sentiment: 0, severity: 'angry' }), ['reputation_risk']);
    // private channel, or positive message: no risk
    assert.deepEqual(flagsOf('Service nul', { ...negative, channel: PRIVATE, audience: { followers: 25_000 } }), []);
    assert.deepEqual(flagsOf('Great service', { channel: PUBLIC, sentiment: 0.8, severity: 'normal', audience: { followers: 25_000 } }), []);
  });

  it('has a configurable audience threshold', () => {
    const input = { text: 'Service nul', channel: PUBLIC, sentiment: -0.6, severity: 'complaint', audience: { followers: 500 } } as const;
    assert.deepEqual(detectFlags(input).flags, []);
    assert.deepEqual(detectFlags(input, { followersThreshold: 300 }).flags, ['reputation_risk']);
  });
});

describe('sales_signal', () => {
  for (const text of [
    'Je voudrais acheter le forfait 100 Go',
    'do you have it in stock?',
    'quel abonnement choisir pour une famille de 4 ?',
    'Can I upgrade to the premium plan?',
    'Pouvez-vous me faire un devis ?',
    'What is your pricing for teams?',
    'est-ce compatible avec un iPhone 12 ?',
    'available in blue?',
    "je suis intéressé par l'offre fibre, c'est combien ?",
  ]) {
    it(text, () => assert.ok(flagsOf(text).includes('sales_signal')));
  }
  it('ignores problems and refusals', () => {
    assert.ok(!flagsOf('The latest update broke my phone').includes('sales_signal'));
    assert.ok(!flagsOf('Mon train est en retard').includes('sales_signal'));
    assert.ok(!flagsOf("je ne veux pas acheter votre assurance").includes('sales_signal'));
  });
});

describe('confidential', () => {
  for (const text of [
    'Je veux être remboursé de ma commande n° 4589217',
    'Mon IBAN est FR76 3000 6000 0112 3456 7890 189',
    'my card 4111 1111 1111 1111 was charged twice',
    'Appelez-moi au 06 12 34 56 78',
    'mon email : jean.dupont@example.com',
    'Je déménage, comment changer mon adresse ?',
    'Je souhaite supprimer mes données personnelles (RGPD)',
    'Please give me access to my data under GDPR',
    'Mon avocat vous adressera une mise en demeure',
    'Pouvez-vous me donner le solde de mon compte ?',
    'order #123456 never arrived',
  ]) {
    it(text, () => assert.ok(flagsOf(text).includes('confidential')));
  }
  it('is not raised by general questions', () => {
    assert.deepEqual(flagsOf("Quels sont vos horaires d'ouverture ?"), []);
    assert.deepEqual(flagsOf('Is the 8:15 train on time?'), []);
  });
  it('never repeats the identifier in its reasons', () => {
    const r = detectFlags({ text: 'IBAN FR7630006000011234567890189', channel: PRIVATE, sentiment: 0, severity: 'normal' });
    assert.ok(!r.reasons.join(' ').includes('30006000011234567890'));
  });
});

describe('identifiers', () => {
  it('validates IBANs and cards by checksum', () => {
    assert.equal(isValidIban('FR76 3000 6000 0112 3456 7890 189'), true);
    assert.equal(isValidIban('FR76 3000 6000 0112 3456 7890 188'), false);
    assert.equal(passesLuhn('4111 1111 1111 1111'), true);
    assert.equal(passesLuhn('4111 1111 1111 1112'), false);
    assert.ok(!findIdentifiers('colis 1234 5678 9012 3456 7').some((h) => h.kind === 'card'));
    assert.deepEqual(findIdentifiers('numéro de suivi : 6A12345678901').map((h) => h.kind), ['reference']);
  });
});

describe('spam', () => {
  for (const text of [
    'EARN MONEY FROM HOME!!! click here bit.ly/xyz',
    'Best SEO services, backlinks, first page of google: www.a.com www.b.com www.c.com',
    'Invest in bitcoin now, double your money, whatsapp me',
    'Casino en ligne, 200 free spins, cliquez ici http://x.top/promo',
    'aaaaaaaaaaaaaaaaaaaaaaaaa',
    'qsdfgh jklmnb vcxwqs',
  ]) {
    it(text, () => assert.ok(flagsOf(text).includes('spam')));
  }
  it('spares genuine messages that mention a link', () => {
    assert.deepEqual(flagsOf('I clicked the link in your email and nothing happens'), []);
    assert.deepEqual(flagsOf('Le lien https://exemple.fr/suivi ne marche pas, pouvez-vous cliquer ici pour vérifier ?'), []);
  });
});
