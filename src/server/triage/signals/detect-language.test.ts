import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage, initLanguageDetector, isLanguageDetectorReady } from './detect-language.ts';

// Order matters: the first suite runs before eld is loaded (word evidence only).
describe('detectLanguage without the n-gram detector', () => {
  it('is not ready until initialized', () => {
    assert.equal(isLanguageDetectorReady(), false);
  });

  it('decides short messages from function words and text-speak', () => {
    assert.equal(detectLanguage('merci').language, 'fr');
    assert.equal(detectLanguage('mdr', { fallback: 'en' }).language, 'fr');
    assert.equal(detectLanguage('thx', { fallback: 'fr' }).language, 'en');
    assert.equal(detectLanguage('lol', { fallback: 'fr' }).language, 'en');
    assert.equal(detectLanguage('où est mon colis').language, 'fr');
    assert.equal(detectLanguage('where is my order', { fallback: 'fr' }).language, 'en');
  });

  it('falls back to the organization language when a message says nothing', () => {
    const fr = detectLanguage('ok', { fallback: 'fr' });
    const en = detectLanguage('ok', { fallback: 'en' });
    assert.equal(fr.language, 'fr');
    assert.equal(en.language, 'en');
    assert.ok(en.confidence < 0.5);
    assert.match(en.reasons.join(' '), /default 'en'/);
    assert.equal(detectLanguage('').language, 'fr'); // default fallback
    assert.equal(detectLanguage('👍👍', { fallback: 'en' }).language, 'en');
  });

  it('recognizes other languages by script or exclusive words', () => {
    assert.equal(detectLanguage('Привет, где моя посылка?').language, 'other');
    assert.equal(detectLanguage('Warum ist mein Paket nicht da').language, 'other');
  });
});

describe('detectLanguage with eld', () => {
  before(async () => {
    assert.equal(await initLanguageDetector(), true);
  });

  it('uses n-grams on sentences', () => {
    const fr = detectLanguage("Bonjour, mon colis n'est toujours pas arrivé après trois semaines", { fallback: 'en' });
    assert.equal(fr.language, 'fr');
    assert.ok(fr.confidence > 0.7);
    assert.match(fr.reasons.join(' '), /n-grams: fr/);
    assert.equal(detectLanguage('Hi, my parcel never arrived and nobody answers my emails', { fallback: 'fr' }).language, 'en');
  });

  it('still trusts words on very short messages, where n-grams guess', () => {
    assert.equal(detectLanguage('merci', { fallback: 'en' }).language, 'fr');
    assert.equal(detectLanguage('thx', { fallback: 'fr' }).language, 'en');
    assert.equal(detectLanguage('ok', { fallback: 'en' }).language, 'en');
    assert.equal(detectLanguage('ok', { fallback: 'fr' }).language, 'fr');
    assert.equal(detectLanguage('colis perdu', { fallback: 'en' }).language, 'fr');
  });

  it('says other for other languages', () => {
    assert.equal(detectLanguage('Hola, quiero saber dónde está mi pedido, gracias').language, 'other');
    assert.equal(detectLanguage('Buongiorno, il mio pacco non è ancora arrivato').language, 'other');
    assert.equal(detectLanguage('مرحبا، أين طلبي؟').language, 'other');
  });

  it('handles text-speak sentences and mixed messages', () => {
    assert.equal(detectLanguage('pk c tjrs en retard ce train jsp', { fallback: 'en' }).language, 'fr');
    assert.equal(detectLanguage('idk why my order is late plz help', { fallback: 'fr' }).language, 'en');
    assert.equal(detectLanguage('bonjour i need help with my order please', { fallback: 'fr' }).language, 'en');
  });

  it('treats keyboard junk as other rather than forcing a language', () => {
    assert.equal(detectLanguage('asdkjh qwezxc lkjlkj poiuy mnbv zxcvb qwerty asdfg').language, 'other');
  });
});
