import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { detectSeverity } from './detect-severity.ts';
import { repairKeywords } from './detect-crisis.ts';

const SELF_HARM = [
  "je vais me foutre en l'air",
  "j'ai envie d'en finir",
  'je veux mourir',
  'je vais me suicider',
  'I want to kill myself',
  'I just want to end it all',
  'there is no reason to live anymore',
  // without accents, in capitals, misspelled, in text-speak
  'jvé me suicidé',
  'JE VAIS ME SUICIDER',
  'je vais me suicid',
  'im gonna suiside',
  'je veu mourrir',
  'jveux mourir',
  'j ai plus envie de vivre',
  "J'AI ENVIE DE CREVER",
  'i wanna end it all tonight',
  'gonna kms',
  'I want to kill myslef',
  'je vais me jeter sous le prochain train',
  'Je pense au suicide tous les jours',
  'ma vie n a plus aucun sens',
  'I do not want to live anymore',
  'nobody would care if I died',
  'je me sens suicidaire depuis que vous m avez coupé le courant',
  'mon fils menace de se suicider à cause de vos relances',
];

const VIOLENCE = [
  'je vais venir vous buter',
  "je vais faire sauter l'agence",
  "I'll shoot",
  'I will kill your agent',
  "you'll pay, I know where you live",
  'JE VAIS VOUS TUER',
  'je vais vous tué',
  "j'ai envie de tous vous égorger",
  'je reviens demain avec un fusil',
  "ima shoot up ur store",
  "I swear I'll burn your store down",
  'il y a une bombe dans votre magasin',
];

// Figurative uses of death and violence words: never crisis.
const IDIOMS = [
  'mort de rire',
  'mdr',
  'ptdr',
  'je suis mort (de rire)',
  'je suis mort',
  'ça me tue',
  'tu me tues',
  'une tuerie ce burger',
  "c'est une bombe",
  "I'd kill for a coffee",
  'this delay is killing me',
  'you are killing it',
  'dead tired',
  "I'm dying to try the new menu",
  'a cake to die for',
  'ce retard me tue',
  "j'suis mort de fatigue",
  'on crève de chaud dans ce train',
  'je meurs de faim',
  'that new phone is the bomb',
  'je ne veux pas mourir de froid sur le quai',
  'pouvez-vous faire sauter les frais de retard ?',
  "shoot me an email when it's fixed",
  'je me tue à vous le dire',
  'cette attente va me tuer',
  'je vais tuer le temps en attendant le train',
  'my feet are killing me after walking to the station',
  "j'ai tué le moteur en calant",
];

const NOT_CRISIS_CONTEXT = [
  "I'm not going to kill myself over a parcel, but I'm annoyed",
  'je ne vais pas me suicider pour un colis',
  'il y a eu un suicide sur la voie, train retardé de 2h',
  'le chanteur dit « je veux mourir » dans sa chanson',
  "Votre livreur m'a dit « je vais te tuer », c'est inadmissible",
  'je vais vous défoncer au tribunal',
  "I'll kill you in the reviews",
];

describe('crisis detection', () => {
  for (const text of SELF_HARM) {
    it(`self-harm: ${text}`, () => {
      const r = detectSeverity(text);
      assert.equal(r.severity, 'crisis', r.reasons.join(' | '));
      assert.equal(r.crisisKind, 'self_harm');
      assert.ok(r.score >= 0.9);
    });
  }
  for (const text of VIOLENCE) {
    it(`violence: ${text}`, () => {
      const r = detectSeverity(text);
      assert.equal(r.severity, 'crisis', r.reasons.join(' | '));
      assert.equal(r.crisisKind, 'violence');
    });
  }
});

describe('idioms and context are not crisis', () => {
  for (const text of [...IDIOMS, ...NOT_CRISIS_CONTEXT]) {
    it(text, () => {
      const r = detectSeverity(text);
      assert.notEqual(r.severity, 'crisis', r.reasons.join(' | '));
      assert.equal(r.crisisKind, undefined);
    });
  }

  it('explains why an idiom was ignored', () => {
    assert.match(detectSeverity('ce retard me tue').reasons.join(' '), /idiom, not a threat/);
    assert.match(detectSeverity('je ne veux pas mourir').reasons.join(' '), /negated/);
  });

  it('keeps the complaint behind a negated or figurative statement', () => {
    assert.equal(detectSeverity('je ne veux pas mourir de froid sur le quai, le train a 40 minutes de retard').severity, 'complaint');
    assert.equal(detectSeverity('je vais vous défoncer au tribunal').severity, 'angry');
  });
});

describe('keyword repair', () => {
  it('fixes typos of long key words only', () => {
    const notes: string[] = [];
    assert.equal(repairKeywords('je vais me sucide', notes), 'je vais me suicide');
    assert.equal(repairKeywords('kill myslef', notes), 'kill myself');
    assert.equal(repairKeywords('je veux courir', notes), 'je veux courir'); // never "mourir"
    assert.equal(notes.length, 2);
  });
});
