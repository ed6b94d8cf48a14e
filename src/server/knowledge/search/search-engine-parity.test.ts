// PGlite and PostgreSQL must rank alike: the same corpus in both, the same questions, the same answers.
// Runs when DATABASE_URL names a PostgreSQL server (the PostgreSQL pass of the test suite).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase, type Database } from '../../db/client.ts';
import { runMigrations } from '../../db/migrate.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { searchKnowledge } from './search-knowledge.ts';
import { seedSearchCorpus } from './search-test-data.ts';
import type { SearchHit, SearchOptions } from './search-types.ts';

const questions: SearchOptions[] = [
  { text: 'Comment me faire rembourser un billet de train supprimé ?' },
  { text: 'remboursé', language: 'fr' },
  { text: 'rembourssement anulation', language: 'fr' },
  { text: 'retar', language: 'fr' },
  { text: 'refunding cancelled trains', language: 'en' },
  { text: 'compensaton for a delayed train' },
  { text: 'velos a bord', kinds: ['article'] },
  { text: 'lost suitcase', kinds: ['resolved_answer'] },
  { text: 'train', language: 'en' }, // no limit that would cut between equal scores: ties go by id
  { text: "'; drop table articles --" },
];

/**
 * Ids differ between the two databases (random uuids), and ties are broken by id: compare everything
 * else, in rank order, hits of equal score as a set.
 */
const comparable = (hits: SearchHit[]) => hits
  .map(({ id: _id, ...rest }) => ({ score: rest.score, json: JSON.stringify(rest) }))
  .sort((a, b) => b.score - a.score || (a.json < b.json ? -1 : a.json > b.json ? 1 : 0))
  .map((h) => JSON.parse(h.json) as Omit<SearchHit, 'id'>);

describe('same results on PGlite and PostgreSQL', { skip: process.env.DATABASE_URL ? false : 'needs DATABASE_URL' }, () => {
  let postgres: TestDatabase;
  let pglite: Database;
  let orgs: { postgres: string; pglite: string };

  before(async () => {
    postgres = await createTestDatabase();
    pglite = await openDatabase({});
    await runMigrations(pglite);
    orgs = {
      postgres: (await seedSearchCorpus(postgres.db)).tenant.orgId,
      pglite: (await seedSearchCorpus(pglite.db)).tenant.orgId,
    };
  });
  after(async () => {
    await postgres?.dispose();
    await pglite?.close();
  });

  it('ranks, scores and quotes alike', async () => {
    assert.equal(postgres.kind, 'postgres');
    for (const question of questions) {
      const fromPostgres = await searchKnowledge(postgres.db, orgs.postgres, question);
      const fromPglite = await searchKnowledge(pglite.db, orgs.pglite, question);
      assert.deepEqual(comparable(fromPglite), comparable(fromPostgres), question.text);
    }
  });
});
