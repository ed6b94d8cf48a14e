import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_INPUT_CHARS, MAX_TOKEN_CHARS, normalizeText, tokenize } from './text-normalization.js';

describe('normalizeText', () => {
  it('lowercases and folds French accents and ligatures', () => {
    assert.equal(normalizeText('Réservation À ÉTÉ Noël'), 'reservation a ete noel');
    assert.equal(normalizeText('Cœur ÆSIR straße'), 'coeur aesir strasse');
    assert.equal(normalizeText('ça, garçon, où'), 'ca, garcon, ou');
  });

  it('truncates very long input', () => {
    assert.equal(normalizeText('a'.repeat(20000)).length, MAX_INPUT_CHARS);
  });
});

describe('tokenize', () => {
  it('splits French elisions and typographic apostrophes', () => {
    assert.deepEqual(tokenize("J'ai vu l’horaire d'ouverture"), ['j', 'ai', 'vu', 'l', 'horaire', 'd', 'ouverture']);
    assert.deepEqual(tokenize("I can't log in"), ['i', 'can', 't', 'log', 'in']);
  });

  it('maps accented and plain spellings to the same tokens', () => {
    assert.deepEqual(tokenize('RÉSERVATION réservée'), tokenize('reservation reservee'));
  });

  it('keeps digits and letters of any script', () => {
    assert.deepEqual(tokenize('Commande #A-123, 2 colis!'), ['commande', 'a', '123', '2', 'colis']);
    assert.deepEqual(tokenize('бронь 予約 حجز'), ['бронь', '予約', 'حجز']);
  });

  it('survives empty, binary and oversized input', () => {
    assert.deepEqual(tokenize(''), []);
    assert.deepEqual(tokenize('\u0000\u0007\uFFFF\uD800 !!'), []);
    assert.ok(tokenize('x'.repeat(20000)).every((t) => t.length <= MAX_TOKEN_CHARS));
    assert.deepEqual(tokenize(undefined as unknown as string), []);
  });
});
