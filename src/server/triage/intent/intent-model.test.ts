import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadIntentModel, trainIntentModel, type IntentModel } from './intent-model.js';
import { TOY_HELD_OUT, TOY_TRAINING, TOY_UNRELATED } from './toy-intents.fixture.js';

const model = trainIntentModel(TOY_TRAINING);

function assertValidPrediction(model: IntentModel, text: string): void {
  const prediction = model.predict(text);
  assert.ok(model.labels.includes(prediction.label));
  assert.ok(prediction.confidence >= 0 && prediction.confidence <= 1, `confidence ${prediction.confidence}`);
  assert.equal(prediction.ranking.length, model.labels.length);
  assert.equal(prediction.ranking[0]!.label, prediction.label);
  const total = prediction.ranking.reduce((sum, r) => sum + r.confidence, 0);
  assert.ok(Math.abs(total - 1) < 1e-6, `probabilities sum to ${total}`);
}

describe('trainIntentModel', () => {
  it('learns French and English intents and generalizes to unseen phrasings', () => {
    assert.deepEqual(model.labels, ['delivery_status', 'opening_hours', 'password_reset', 'refund', 'reservation']);
    const wrong = TOY_HELD_OUT.filter((e) => model.predict(e.text).label !== e.label);
    assert.deepEqual(wrong, [], `misclassified: ${JSON.stringify(wrong)}`);
  });

  it('gives unrelated messages a lower confidence than every in-scope one', () => {
    const lowestInScope = Math.min(...TOY_HELD_OUT.map((e) => model.predict(e.text).confidence));
    for (const text of TOY_UNRELATED) {
      const { confidence } = model.predict(text);
      assert.ok(confidence < 0.5, `"${text}" got ${confidence}`);
      assert.ok(confidence < lowestInScope, `"${text}" got ${confidence} >= ${lowestInScope}`);
    }
  });

  it('learns an explicit out-of-scope label', () => {
    const withOos = trainIntentModel(
      [
        ...TOY_TRAINING,
        ...['quelle est la météo demain', 'tell me a joke', 'who is the president', 'recette de crêpes'].map((text) => ({
          text,
          label: 'out_of_scope',
        })),
      ],
      { outOfScopeLabel: 'out_of_scope' },
    );
    assert.equal(withOos.outOfScopeLabel, 'out_of_scope');
    assert.equal(withOos.predict('tell me a funny joke').label, 'out_of_scope');
    assert.equal(withOos.predict('I forgot my password').label, 'password_reset');
  });

  it('is deterministic', () => {
    assert.deepEqual(trainIntentModel(TOY_TRAINING).toJSON(), model.toJSON());
  });

  it('rejects empty, single-label and malformed training data with a clear error', () => {
    assert.throws(() => trainIntentModel([]), /no training examples/);
    assert.throws(
      () => trainIntentModel([{ text: 'a', label: 'x' }, { text: 'b', label: 'x' }]),
      /at least two distinct labels/,
    );
    assert.throws(() => trainIntentModel([{ text: 'a', label: '' }, { text: 'b', label: 'y' }]), /example 0/);
    assert.throws(() => trainIntentModel(null as never), /no training examples/);
  });

  it('handles empty, huge, binary and mixed-script input without throwing', () => {
    const binary = Array.from({ length: 3000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('');
    const inputs = [
      '',
      '   ',
      'réservation '.repeat(20000 / 12) + 'x'.repeat(50),
      'a'.repeat(20000),
      binary,
      '\u0000\u0001\uFFFF\uD800',
      'Je veux réserver 予約したい забронировать حجز 🍽️',
    ];
    for (const text of inputs) assertValidPrediction(model, text);
    assert.equal(model.predict('réservation '.repeat(2000)).label, 'reservation');
  });
});

describe('serialization', () => {
  it('round-trips through JSON text to identical predictions', () => {
    const reloaded = loadIntentModel(JSON.stringify(model.toJSON()));
    assert.equal(reloaded.version, model.version);
    assert.deepEqual(reloaded.labels, model.labels);
    for (const text of [...TOY_HELD_OUT.map((e) => e.text), ...TOY_UNRELATED, '']) {
      assert.deepEqual(reloaded.predict(text), model.predict(text));
    }
    assert.deepEqual(reloaded.toJSON(), model.toJSON());
  });

  it('keeps a calibrated temperature', () => {
    const calibrated = trainIntentModel(TOY_TRAINING, { calibrationExamples: TOY_HELD_OUT });
    const temperature = calibrated.toJSON().temperature;
    assert.ok(temperature > 0 && temperature !== 1);
    assert.equal(loadIntentModel(calibrated.toJSON()).toJSON().temperature, temperature);
  });

  it('rejects corrupted or foreign models', () => {
    const json = model.toJSON();
    assert.throws(() => loadIntentModel({ ...json, version: 'other' as never }), /unsupported model version/);
    assert.throws(() => loadIntentModel({ ...json, bias: json.vectorizer.idf }), /sizes do not match/);
    assert.throws(() => loadIntentModel({ ...json, labels: ['a', 'a'] }), /distinct/);
    assert.throws(() => loadIntentModel('{"not":"a model"}'), /unsupported model version/);
    const truncated = { ...json.weights, values: json.weights.values.slice(0, 40) };
    assert.throws(() => loadIntentModel({ ...json, weights: truncated }), /sizes do not match/);
  });
});
