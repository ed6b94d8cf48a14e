import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { count, eq, sql } from 'drizzle-orm';
import { articles } from '../../db/schema/index.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { searchKnowledge } from './search-knowledge.ts';
import { retrievalStrength } from './retrieval-strength.ts';
import { addArticle, seedSearchCorpus, type SearchTenant } from './search-test-data.ts';
import { selectRows } from './select-rows.ts';
import type { SearchHit, SearchOptions } from './search-types.ts';

let database: TestDatabase;
let tenant: SearchTenant;
let other: SearchTenant;
let ids: Record<string, string>;

before(async () => {
  database = await createTestDatabase();
  ({ tenant, other, ids } = await seedSearchCorpus(database.db));
});

after(async () => {
  await database?.dispose();
});

const search = (text: string, options: Omit<SearchOptions, 'text'> = {}, orgId = tenant.orgId) =>
  searchKnowledge(database.db, orgId, { text, ...options });
const idsOf = (hits: SearchHit[]) => hits.map((h) => h.id);

describe('searchKnowledge', () => {
  it('stems French: remboursement, rembourser and remboursé find the same article first', async () => {
    for (const text of ['remboursement', 'rembourser', 'remboursé', 'REMBOURSÉS']) {
      const hits = await search(text, { language: 'fr', kinds: ['article'] });
      assert.equal(hits[0]?.id, ids.refundFr, text);
    }
  });

  it('stems English: refunded and refunding find the refund article', async () => {
    for (const text of ['refunded', 'refunding', 'refund']) {
      const hits = await search(text, { language: 'en' });
      assert.equal(hits[0]?.id, ids.refundEn, text);
    }
  });

  it('ignores accents on either side', async () => {
    assert.equal((await search('train supprime annule', { language: 'fr', kinds: ['article'] }))[0]?.id, ids.refundFr);
    assert.equal((await search('velos a bord', { kinds: ['article'] }))[0]?.id, ids.bikesFr);
    assert.equal((await search('indemnisatión rétard', { language: 'fr', kinds: ['article'] }))[0]?.id, ids.delayFr);
  });

  it('tolerates typos through trigram similarity, in articles and in past answers', async () => {
    const refund = await search('rembourssement', { language: 'fr' });
    assert.equal(refund[0]?.id, ids.refundFr);
    assert.ok(idsOf(refund).includes(ids.resolvedFr!), 'the corrected spelling also finds the past answer');
    assert.equal((await search('anulation', { language: 'fr' }))[0]?.id, ids.refundFr);
    assert.equal((await search('retar', { language: 'fr' }))[0]?.id, ids.delayFr);
    assert.equal((await search('compensaton', { language: 'en' }))[0]?.id, ids.delayEn);
  });

  it('filters by language, and searches both when the language is unknown', async () => {
    const fr = await search('train', { language: 'fr' });
    const en = await search('train', { language: 'en' });
    assert.ok(fr.length > 0 && fr.every((h) => h.language === 'fr'));
    assert.ok(en.length > 0 && en.every((h) => h.language === 'en'));
    const both = await search('train');
    assert.ok(both.some((h) => h.language === 'fr') && both.some((h) => h.language === 'en'));
  });

  it("never returns another organization's articles", async () => {
    const hits = await search('remboursement des abonnements annuels');
    assert.ok(hits.length > 0);
    assert.ok(!idsOf(hits).includes(ids.otherOrgFr!));
    assert.deepEqual(idsOf(await search('remboursement des abonnements annuels', {}, other.orgId)), [ids.otherOrgFr]);
  });

  it('leaves out articles that are not published', async () => {
    assert.deepEqual(await search('geste commercial exceptionnel', { kinds: ['article'] }), []);
  });

  it('returns resolved and closed conversations answered by staff, as question and answer', async () => {
    const hits = await search('mon train a été supprimé, je veux être remboursé', { language: 'fr' });
    const answer = hits.find((h) => h.id === ids.resolvedFr);
    assert.ok(answer, 'resolved conversation found');
    assert.equal(answer.kind, 'resolved_answer');
    assert.equal(answer.title, 'Train supprimé ce matin');
    assert.match(answer.question ?? '', /mon train de 8h/);
    assert.match(answer.content, /virement arrive sous 5 jours/);
    const closed = await search('lost suitcase', { language: 'en' });
    assert.equal(closed[0]?.id, ids.closedEn);
    assert.match(closed[0]?.snippet ?? '', /lost property/);
  });

  it('leaves out open conversations and those only a bot answered', async () => {
    assert.deepEqual(await search('correspondance Vintimille'), []);
    assert.deepEqual(await search('guichet Menton horaires'), []);
  });

  it('ranks with scores in 0..1, best first, with a plain-text snippet', async () => {
    const hits = await search('Comment me faire rembourser un billet de train supprimé ?');
    assert.ok(hits.length >= 2);
    assert.equal(hits[0]?.id, ids.refundFr);
    for (const [i, hit] of hits.entries()) {
      assert.ok(hit.score >= 0 && hit.score <= 1, `score ${hit.score}`);
      if (i > 0) assert.ok(hit.score <= hits[i - 1]!.score);
      assert.ok(hit.snippet.length > 0 && !/[<>]/.test(hit.snippet));
    }
    assert.match(hits[0]!.snippet, /rembours/i);
  });

  it('keeps the vocabulary for typos in step as articles are published, edited and deleted', async () => {
    const { db } = database;
    const words = async (word: string) =>
      (await selectRows<{ articles: number }>(db, sql`SELECT articles FROM knowledge_search_words WHERE org_id = ${tenant.orgId} AND word = ${word}`))[0]?.articles ?? 0;
    const draft = await addArticle(db, tenant.orgId, {
      language: 'fr', status: 'draft', title: 'Objets trouvés', body: 'Les parapluies oubliés à bord sont gardés trente jours.',
    });
    assert.equal(await words('parapluies'), 0, 'drafts are not vocabulary');
    await db.update(articles).set({ status: 'published' }).where(eq(articles.id, draft.id));
    assert.equal(await words('parapluies'), 1);
    assert.equal((await search('parapuies', { kinds: ['article'] }))[0]?.id, draft.id);
    await db.update(articles).set({ body: 'Les ombrelles oubliées à bord sont gardées trente jours.' }).where(eq(articles.id, draft.id));
    assert.equal(await words('parapluies'), 0);
    assert.equal(await words('ombrelles'), 1);
    assert.ok(!idsOf(await search('parapuies', { kinds: ['article'] })).includes(draft.id));
    await db.delete(articles).where(eq(articles.id, draft.id));
    assert.equal(await words('ombrelles'), 0);
    assert.equal(await words('trouves'), 0, 'folded like the questions are');
  });

  it('answers odd input with an empty list or results, never an error', async () => {
    const odd = ['', '   ', ':*&|!', "'; drop table articles --", "a' OR '1'='1", '\\', '$$', '🚆🚆', 'é'.repeat(50),
      'remboursement '.repeat(1_600), `${'x'.repeat(10_000)} ${'retard '.repeat(1_500)}`];
    for (const text of odd) {
      const hits = await search(text);
      assert.ok(Array.isArray(hits), JSON.stringify(text.slice(0, 20)));
    }
    assert.deepEqual(await search(':*&|!'), []);
    assert.deepEqual(await search('', { kinds: [] }), []);
    assert.ok((await search('remboursement '.repeat(1_600))).length > 0, '20k characters still search');
    const [{ n }] = (await database.db.select({ n: count() }).from(articles)) as [{ n: number }];
    assert.ok(n >= 7, 'the articles table is intact');
  });
});

describe('retrievalStrength', () => {
  it('is strong when one document covers the question, weak when little does, none when nothing does', async () => {
    const strong = retrievalStrength(await search('Comment me faire rembourser un billet de train supprimé ?', { language: 'fr' }));
    assert.equal(strong.level, 'strong', strong.reason);
    assert.equal(strong.sources[0]?.id, ids.refundFr);
    const weak = retrievalStrength(await search('Puis-je voyager avec mon chien dans le train de nuit ?', { language: 'fr' }));
    assert.equal(weak.level, 'weak', weak.reason);
    assert.deepEqual(weak.sources, []);
    const none = retrievalStrength(await search('recette de la tarte tatin', { language: 'fr' }));
    assert.equal(none.level, 'none');
  });
});
