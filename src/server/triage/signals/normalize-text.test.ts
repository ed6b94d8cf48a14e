import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeObfuscated, MAX_ANALYSIS_CHARS, normalizeMessage } from './normalize-text.ts';

describe('normalizeMessage', () => {
  it('lowercases, folds accents and splits apostrophes', () => {
    const n = normalizeMessage("J'ai RÉSERVÉ l’hôtel, ça coûte cher.");
    assert.equal(n.text, 'j ai reserve l hotel , ca coute cher .');
  });

  it('keeps elongated words at two letters and also offers the squeezed reading', () => {
    const n = normalizeMessage('NUUUUL ce service');
    assert.deepEqual(n.variants, ['nuul ce service', 'nul ce service']);
    assert.equal(normalizeMessage('cool').variants.length, 1);
  });

  it('expands French text-speak', () => {
    assert.equal(normalizeMessage('jveux un rdv stp').text, 'je veux un rendez vous s il te plait');
    assert.equal(normalizeMessage('pk tjrs en retard, bcp trop').text, 'pourquoi toujours en retard , beaucoup trop');
    assert.equal(normalizeMessage('jvé me suicidé').text, 'je vais me suicide');
    assert.equal(normalizeMessage('jsp, mdr').text, 'je sais pas , mort de rire');
    assert.equal(normalizeMessage('g pas reçu mon colis').text, 'j ai pas recu mon colis');
  });

  it('expands "c" to "c\'est" only where it is safe', () => {
    assert.equal(normalizeMessage('c nul').text, 'c est nul');
    assert.equal(normalizeMessage("c'est nul").text, 'c est nul');
    assert.equal(normalizeMessage('vitamine c pas dispo').text, 'vitamine c pas dispo');
    assert.equal(normalizeMessage('options a, b, c ou d').text, 'options a , b , c ou d');
  });

  it('expands English text-speak and negations', () => {
    assert.equal(normalizeMessage('thx u r the best').text, 'thanks you are the best');
    assert.equal(normalizeMessage("idk why it isn't working plz").text, 'i do not know why it is not working please');
    assert.equal(normalizeMessage("I can't, I won't, I dont").text, 'i can not , i will not , i do not');
    assert.equal(normalizeMessage('wtf gonna kms').text, 'what the fuck going to kill myself');
  });

  it('decodes masked swear words but leaves ordinary codes alone', () => {
    assert.equal(normalizeMessage('c0nnard').text, 'connard');
    assert.equal(normalizeMessage('F*** you').text, 'fuck you');
    assert.equal(normalizeMessage('f*ck this').text, 'fuck this');
    assert.equal(normalizeMessage('encul*').text, 'encule');
    assert.equal(normalizeMessage('c.o.n.n.a.r.d').text, 'connard');
    assert.equal(normalizeMessage('f u c k you').text, 'fuck you');
    assert.equal(decodeObfuscated('covid19'), null);
    assert.equal(decodeObfuscated('A1B2C3'), null);
    assert.equal(decodeObfuscated('*vraiment*'), null);
    assert.equal(normalizeMessage('forfait 4G à 12.50€').text, 'forfait 4g a 12 50');
  });

  it('computes capitals and punctuation on the original text', () => {
    const s = normalizeMessage('ARRÊTEZ DE ME PRENDRE POUR UN IDIOT!!! ok?').stats;
    assert.ok(s.capitalRatio > 0.8);
    assert.equal(s.exclamationCount, 3);
    assert.equal(s.longestExclamationRun, 3);
    assert.equal(s.questionCount, 1);
    assert.ok(s.shoutedWords >= 3);
  });

  it('extracts emojis and emoticons', () => {
    assert.deepEqual(normalizeMessage('merci 🙏 :) 😡').emojis, ['🙏', '😡', ':)']);
  });

  it('survives empty, null, huge, binary and mixed-script input', () => {
    assert.equal(normalizeMessage('').text, '');
    assert.equal(normalizeMessage(null).text, '');
    assert.equal(normalizeMessage(undefined).tokens.length, 0);
    assert.equal(normalizeMessage(12345).text, '12345');
    const huge = normalizeMessage('a'.repeat(15_000) + ' nul '.repeat(10_000));
    assert.equal(huge.original.length, MAX_ANALYSIS_CHARS);
    assert.equal(huge.stats.truncated, true);
    const binary = normalizeMessage('\u0000\u0001\u0007abc\uD800\uFFFF\u001b[31m def');
    assert.ok(!/[\u0000-\u001f]/.test(binary.original));
    assert.match(binary.text, /abc/);
    const mixed = normalizeMessage('Привет مرحبا 你好 hello 👨‍👩‍👧');
    assert.ok(mixed.tokens.includes('hello'));
    assert.ok(mixed.tokens.includes('привет'));
  });

  it('keeps a hostile object from throwing', () => {
    const hostile = { toString: () => { throw new Error('boom'); } };
    assert.equal(normalizeMessage(hostile).text, '');
  });
});
