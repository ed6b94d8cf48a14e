import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { detectSeverity, severityRank, type Severity } from './detect-severity.ts';

const CASES: Record<Exclude<Severity, 'crisis'>, string[]> = {
  normal: [
    'Bonjour, je voudrais connaître les horaires du train de 8h pour Lyon.',
    'Hi, can you tell me when my order will ship?',
    'Merci beaucoup pour votre aide, super service !',
    'MERCI BEAUCOUP !!!',
    'Quel est le délai de remboursement ?',
    'I would like to cancel my appointment, thanks',
    'Je voudrais résilier mon abonnement au 1er mars.',
    'une tuerie ce nouveau forfait',
    'ok',
    '',
  ],
  complaint: [
    "Mon colis n'est toujours pas arrivé.",
    'Je suis très déçu par votre service.',
    'My parcel never arrived and nobody answers.',
    'This is unacceptable, I was charged twice.',
    'le train est encore en retard, c nul',
    'ce retard me tue',
    'Vous êtes incapables de livrer un colis à temps.',
    'Le formulaire est débile',
    'your app is useless',
    "votre agent m'a traité de connard, c'est inadmissible",
  ],
  angry: [
    "C'EST INADMISSIBLE, TOUJOURS PAS DE REMBOURSEMENT",
    'Toujours pas de colis !!! Vous vous foutez de nous',
    'Si je ne suis pas remboursé sous 48h je résilie et je vais voir la concurrence.',
    'Je vais poster ça sur Twitter et prévenir 60 millions de consommateurs.',
    'I will contact my lawyer if this is not fixed.',
    "I'm going to post this all over social media, this is a disgrace",
    "fucking ridiculous, third time I'm asking",
    'je suis furieux',
    'Never again. Worst airline ever, switching to your competitor.',
    'Je vais porter plainte et saisir le médiateur.',
  ],
  abusive: [
    "bande d'incapables",
    'Vous êtes des escrocs et des voleurs',
    'c0nnard',
    'F*** you',
    'you morons lost my bag',
    'scammers',
    'encul*s de la SNCF',
    'ferme ta gueule',
    'vous êtes nuls',
    'You are useless idiots',
    'espèce de CONNARD',
  ],
};

describe('detectSeverity levels', () => {
  for (const [expected, texts] of Object.entries(CASES)) {
    for (const text of texts) {
      it(`${expected}: ${text || '(empty)'}`, () => {
        const r = detectSeverity(text);
        assert.equal(r.severity, expected, r.reasons.join(' | '));
        assert.equal(r.crisisKind, undefined);
      });
    }
  }
});

describe('detectSeverity ordering and explanation', () => {
  it('lets the highest level win', () => {
    const r = detectSeverity("Bande d'escrocs, je vais porter plainte et je vais me suicider !!!");
    assert.equal(r.severity, 'crisis');
    assert.equal(detectSeverity('Connards, je vais porter plainte !!!').severity, 'abusive');
  });

  it('scores inside the band of its level, so scores order like levels', () => {
    const levels: Severity[] = ['normal', 'complaint', 'angry', 'abusive', 'crisis'];
    const samples = ['Merci', 'Colis toujours pas reçu', 'je suis furieux', 'bande de connards', 'je veux mourir'];
    const scores = samples.map((s) => detectSeverity(s));
    scores.forEach((r, i) => assert.equal(r.severity, levels[i]));
    for (let i = 1; i < scores.length; i++) assert.ok((scores[i]?.score ?? 0) > (scores[i - 1]?.score ?? 1));
    assert.ok(severityRank('angry') > severityRank('complaint'));
  });

  it('says which words decided', () => {
    assert.match(detectSeverity('bande d incapables').reasons.join(' '), /insult aimed at someone/);
    assert.match(detectSeverity('je vais contacter mon avocat, service lamentable').reasons.join(' '), /threat: fr:plainte/);
    assert.match(detectSeverity('c0nnard').reasons.join(' '), /insult: "connard"/);
  });

  it('needs a negative context before capitals or "!!!" mean anger', () => {
    assert.equal(detectSeverity('SUPER NOUVELLE, MERCI !!!').severity, 'normal');
    assert.equal(detectSeverity('MON COLIS EST PERDU').severity, 'angry');
  });

  it('reads a threat to leave as angry only with displeasure or a condition', () => {
    assert.equal(detectSeverity('I will cancel my subscription').severity, 'complaint');
    assert.equal(detectSeverity("If it isn't fixed today I will cancel my subscription").severity, 'angry');
  });

  it('copes with huge and binary input', () => {
    const start = performance.now();
    assert.equal(detectSeverity('je suis déçu '.repeat(5_000)).severity, 'complaint');
    assert.ok(performance.now() - start < 2_000);
    assert.doesNotThrow(() => detectSeverity('\u0000\u0001\uD800\u001b[0m\uFFFE'));
  });
});
