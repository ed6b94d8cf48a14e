import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeSignals, SIGNALS_VERSION } from './analyze-signals.ts';

const EMAIL = { channel: { type: 'email', isPublic: false } };
const TWITTER = { channel: { type: 'x', isPublic: true } };

describe('analyzeSignals', () => {
  it('combines every detector with prefixed reasons', () => {
    const r = analyzeSignals("Bande d'escrocs, ça fait 3 semaines que j'attends mon remboursement !!!", { ...TWITTER, audience: { followers: 12_000 } });
    assert.equal(r.language, 'fr');
    assert.equal(r.severity, 'abusive');
    assert.ok(r.sentiment < -0.3);
    assert.ok(r.flags.includes('reputation_risk'));
    assert.ok(r.reasons.some((x) => x.startsWith('severity: insult')));
    assert.ok(r.reasons.some((x) => x.startsWith('language: ')));
    assert.ok(r.reasons.some((x) => x.startsWith('reputation_risk: ')));
    assert.equal(r.crisisKind, undefined);
  });

  it('carries the crisis kind', () => {
    const r = analyzeSignals('I want to end my life, nothing works anymore', EMAIL);
    assert.equal(r.severity, 'crisis');
    assert.equal(r.crisisKind, 'self_harm');
    assert.equal(r.language, 'en');
    assert.equal(analyzeSignals('JE VAIS VOUS TUER', EMAIL).crisisKind, 'violence');
  });

  it('uses the organization language for short messages', () => {
    assert.equal(analyzeSignals('ok', { ...EMAIL, defaultLanguage: 'en' }).language, 'en');
    assert.equal(analyzeSignals('ok', EMAIL).language, 'fr');
    assert.equal(analyzeSignals('thx', EMAIL).language, 'en');
  });

  it('reports sales and confidential flags', () => {
    assert.deepEqual(analyzeSignals('Bonjour, je voudrais commander le modèle bleu, est-il en stock ?', EMAIL).flags, ['sales_signal']);
    assert.ok(analyzeSignals('Remboursez ma commande n° 88812345 sur mon IBAN FR7630006000011234567890189', EMAIL).flags.includes('confidential'));
  });

  it('never throws and stays sane on empty, huge, binary and mixed input', () => {
    for (const input of ['', ' ', '\u0000\u0001\u0002', '\uD800\uDC00\uD800', '😀'.repeat(5_000), 'Привет 你好 مرحبا hello']) {
      const r = analyzeSignals(input, EMAIL);
      assert.ok(['fr', 'en', 'other'].includes(r.language));
      assert.ok(r.sentiment >= -1 && r.sentiment <= 1);
    }
    const huge = 'Mon colis est toujours pas arrivé. '.repeat(2_000); // 70,000 characters
    const start = performance.now();
    const r = analyzeSignals(huge, EMAIL);
    assert.ok(performance.now() - start < 3_000);
    assert.equal(r.severity, 'complaint');
    assert.ok(r.reasons.some((x) => x.includes('first 20000')));
    // @ts-expect-error robustness against untyped callers
    assert.doesNotThrow(() => analyzeSignals(undefined, EMAIL));
  });

  it('is fast on ordinary messages', () => {
    const messages = [
      'Bonjour, mon train de 8h12 a été annulé sans explication, je veux être remboursé.',
      'Hi, my parcel says delivered but I never got it. Order #558812.',
      'mdr c nul votre appli',
      'Vous êtes des incapables !!! Je vais tout poster sur Twitter',
    ];
    analyzeSignals(messages[0] ?? '', EMAIL); // warm-up
    const start = performance.now();
    for (let i = 0; i < 200; i++) analyzeSignals(messages[i % messages.length] ?? '', EMAIL);
    const perMessageMs = (performance.now() - start) / 200;
    assert.ok(perMessageMs < 10, `${perMessageMs.toFixed(2)} ms per message`);
  });

  it('exposes a version for stored results', () => {
    assert.match(SIGNALS_VERSION, /^signals-\d+\.\d+\.\d+$/);
  });
});
