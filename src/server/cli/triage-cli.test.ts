// `relais triage` and `relais nlu` as an operator runs them, including the malformed files they must survive.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../../bin/relais.mjs', import.meta.url));

function relais(args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('relais triage and nlu', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'relais-nlu-'));
    env = { ...process.env, RELAIS_DATA_DIR: join(dir, 'data'), RELAIS_LOG_LEVEL: 'silent', RELAIS_SEED_DEMO: 'never' };
    delete env.DATABASE_URL; // these commands need no organization; the embedded database is enough
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one JSON object with every field for --text', () => {
    const r = relais(['triage', '--text', "J'en peux plus, je vais me foutre en l'air", '--json'], env);
    assert.equal(r.status, 0, r.stderr);
    const result = JSON.parse(r.stdout);
    for (const field of ['language', 'intent', 'confidence', 'severity', 'sentiment', 'flags', 'decision', 'reasons']) assert.ok(field in result, field);
    assert.equal(result.severity, 'crisis');
    assert.equal(result.decision, 'level3');
  });

  it('prints one result per line, in order, with bad lines reported in place', () => {
    const file = join(dir, 'messages.jsonl');
    writeFileSync(file, ['{"text":"mort de rire, ce retard me tue"}', 'not json', '{"txt":"wrong key"}', '{"text":"I will kill your agent"}', '{"text":""}'].join('\n'));
    const r = relais(['triage', '--file', file, '--json'], env);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.length, 5);
    assert.notEqual(lines[0].severity, 'crisis');
    assert.match(lines[1].error, /line 2: not valid JSON/);
    assert.match(lines[2].error, /line 3/);
    assert.equal(lines[3].severity, 'crisis');
    assert.equal(lines[4].decision, 'level2');
  });

  it('evaluates a model on CSV files and names the bad lines', () => {
    const train = join(dir, 'train.csv');
    const test = join(dir, 'test.csv');
    const rows = (label: string, texts: string[]) => texts.map((t) => `"${t}",${label}`);
    writeFileSync(train, ['text,label',
      ...rows('refund', ['je veux être remboursé', 'remboursement de ma commande', 'how do I get a refund', 'refund my order please', 'rembourser mon billet', 'I want my money back']),
      ...rows('tracking', ['où est mon colis', 'suivi de ma commande', 'where is my parcel', 'track my order', 'mon colis n’est pas arrivé', 'parcel tracking number']),
      '"only one field"', 'second,bad,line'].join('\n'));
    writeFileSync(test, ['text,label', '"je voudrais un remboursement",refund', '"where is my package",tracking', '"change my password",account'].join('\n'));
    const r = relais(['nlu', 'evaluate', '--train', train, '--test', test, '--json'], env);
    assert.equal(r.status, 0, r.stderr);
    const result = JSON.parse(r.stdout);
    for (const field of ['inScopeAccuracy', 'oosRecall', 'oosPrecision', 'macroF1', 'mostConfused', 'trainingSeconds', 'medianMsPerMessage']) assert.ok(field in result, field);
    assert.match(r.stderr, /line 14: expected 2 fields/);
    assert.match(r.stderr, /label "account" .* not in the training file/);
  });

  it('refuses a malformed CSV with one line naming where', () => {
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, 'text,label\n"never closed,refund\n');
    const r = relais(['nlu', 'evaluate', '--train', broken, '--test', broken], env);
    assert.equal(r.status, 1);
    assert.match(r.stderr.trim(), /^relais: .*line \d/);
    const noHeader = join(dir, 'noheader.csv');
    writeFileSync(noHeader, 'phrase,intent\nbonjour,greet\n');
    const h = relais(['nlu', 'train', '--file', noHeader], env);
    assert.equal(h.status, 1);
    assert.match(h.stderr, /line 1: the header must name the columns text,label/);
    assert.equal(relais(['triage', '--json'], env).status, 2);
  });
});
