import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { scoreSentiment } from './score-sentiment.ts';

const score = (text: string): number => scoreSentiment(text).score;

describe('scoreSentiment', () => {
  it('is neutral on neutral or empty text', () => {
    assert.equal(score(''), 0);
    assert.equal(score('Bonjour, où en est ma commande ?'), 0);
    assert.equal(score('Hi, what time does the train leave?'), 0);
    assert.equal(score('merci de me rembourser'), 0); // a polite request, not thanks
  });

  it('reads positive and negative words in both languages', () => {
    assert.ok(score('Merci beaucoup, super service') > 0.5);
    assert.ok(score('Great support, thank you so much') > 0.5);
    assert.ok(score('Service lamentable, je suis déçu') < -0.5);
    assert.ok(score('Terrible experience, really disappointed') < -0.5);
  });

  it('handles negation', () => {
    assert.ok(score('je suis pas content') < -0.3);
    assert.ok(score('je ne suis pas satisfait du tout') < -0.3);
    assert.ok(score('not happy') < -0.3);
    assert.ok(score("I'm not very happy with this") < -0.3);
    assert.ok(score('ça marche pas') < 0);
    assert.ok(score('pas mal du tout') > 0.3);
    assert.ok(score('not bad') > 0.3);
    assert.match(scoreSentiment('not very happy').reasons.join(' '), /negated/);
  });

  it('weighs intensifiers and diminishers', () => {
    assert.ok(score('très déçu') < score('déçu'));
    assert.ok(score('un peu déçu') > score('déçu'));
    assert.ok(score('so good') > score('good'));
  });

  it('counts emojis and emoticons', () => {
    assert.ok(score('😡😡') < -0.6);
    assert.ok(score('😭') < 0);
    assert.ok(score('🙏') > 0);
    assert.ok(score('👍') > 0.3);
    assert.ok(score('❤️') > 0.3);
    assert.ok(score('ok :(') < 0);
  });

  it('lets exclamation amplify, never flip', () => {
    assert.ok(score('nul !!!') < score('nul'));
    assert.ok(score('super !!!') > score('super'));
    assert.equal(score('!!!'), 0);
  });

  it('gives the clause after "mais"/"but" more weight', () => {
    assert.ok(score('Le service est bien mais la livraison est catastrophique') < -0.3);
    assert.ok(score('The delivery was late but the support was excellent') > 0.3);
  });

  it('reads text-speak, elongation and laughter', () => {
    assert.ok(score('NUUUUL') < -0.3);
    assert.ok(score('mdr') > 0);
    assert.ok(score('c nul') < -0.3);
    assert.ok(score('thx') > 0);
  });

  it('stays within -1..1 on extreme input', () => {
    const bad = score('nul horrible scandaleux '.repeat(500));
    const good = score('parfait excellent génial '.repeat(500));
    assert.ok(bad >= -1 && bad < -0.99);
    assert.ok(good <= 1 && good > 0.99);
  });
});
