import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { POST_MAX_WEIGHT, postWeight, threadPosts } from './x-text.ts';

describe('X post length', () => {
  it('weighs text as X does: links 23, CJK and emoji 2, the rest 1', () => {
    assert.equal(postWeight('Bonjour, ça va ?'), 16);
    assert.equal(postWeight('See https://example.com/a/very/long/path/that/goes/on/and/on'), 4 + 23);
    assert.equal(postWeight('日本語'), 6);
    assert.equal(postWeight('👍'), 2);
  });

  it('keeps a short reply whole and threads a long one under 280 per post', () => {
    assert.deepEqual(threadPosts('  Thank you!  '), ['Thank you!']);
    const posts = threadPosts('Lorem ipsum dolor sit amet. '.repeat(20))!;
    assert.equal(posts.length, 3);
    assert.ok(posts.every((p, i) => postWeight(p) <= POST_MAX_WEIGHT && p.endsWith(`(${i + 1}/3)`)));
  });

  it('cuts text without spaces (CJK) and gives up beyond four posts', () => {
    const posts = threadPosts('配送が遅れています。'.repeat(40))!;
    assert.ok(posts.length > 1 && posts.every((p) => postWeight(p) <= POST_MAX_WEIGHT));
    assert.equal(threadPosts('x'.repeat(2000)), null);
  });
});
