import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APP_SECRET, fixture, startMetaTestBed, VERIFY_TOKEN, type MetaTestBed } from './meta-test-kit.ts';
import { signBody } from './meta-signature.ts';

describe('Meta webhooks: verification handshake and signatures', () => {
  let bed: MetaTestBed;
  const handshake = (type: 'facebook' | 'instagram', query: string, key = bed.channels[type].webhookKey) =>
    bed.server.app.inject({ method: 'GET', url: `/hooks/${type}/${key}?${query}` });

  before(async () => {
    bed = await startMetaTestBed();
  });
  after(() => bed.close());

  it('echoes hub.challenge as text/plain when the verify token matches', async () => {
    for (const type of ['facebook', 'instagram'] as const) {
      const res = await handshake(type, `hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=${VERIFY_TOKEN}`);
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/plain/);
      assert.equal(res.body, '1158201444');
    }
  });

  it('answers 403 to a wrong token or mode, and 404 to an unknown channel key', async () => {
    const wrong = await handshake('facebook', 'hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=guess');
    assert.equal(wrong.statusCode, 403);
    assert.equal(wrong.json().error.code, 'forbidden');
    assert.equal((await handshake('facebook', 'hub.challenge=1&hub.verify_token=' + VERIFY_TOKEN)).statusCode, 403);
    assert.equal((await handshake('facebook', 'hub.mode=unsubscribe&hub.challenge=1&hub.verify_token=' + VERIFY_TOKEN)).statusCode, 403);
    assert.equal((await handshake('instagram', `hub.mode=subscribe&hub.challenge=1&hub.verify_token=${VERIFY_TOKEN}`, 'nope')).statusCode, 404);
    // The Facebook channel's key is not an Instagram address.
    assert.equal((await handshake('instagram', `hub.mode=subscribe&hub.challenge=1&hub.verify_token=${VERIFY_TOKEN}`, bed.channels.facebook.webhookKey)).statusCode, 404);
  });

  it('refuses a wrong or missing signature with 401 and stores nothing', async () => {
    const body = fixture('messenger-text.json');
    const forged = await bed.deliver('facebook', body, { secret: 'not-the-app-secret' });
    assert.equal(forged.statusCode, 401);
    assert.equal(forged.json().error.code, 'invalid_signature');
    assert.equal((await bed.deliver('facebook', body, { signature: null })).statusCode, 401);
    assert.equal((await bed.deliver('facebook', body, { signature: 'sha256=zz' })).statusCode, 401);
    // A valid signature of other bytes (the same JSON re-indented) does not cover this body.
    const raw = JSON.stringify(body);
    assert.equal((await bed.deliver('facebook', raw, { signature: signBody(APP_SECRET, JSON.stringify(body, null, 2)) })).statusCode, 401);
    assert.equal((await bed.messagesOf(bed.channels.facebook.id)).length, 0);
    assert.equal((await bed.deadLettersOf(bed.channels.facebook.id)).length, 0);
  });

  it('checks the signature on the raw bytes, as Meta sends them (unicode escaped)', async () => {
    const raw = JSON.stringify(fixture('instagram-message.json')).replace('Do you ship to Lyon?', 'Livrez-vous \\u00e0 Lyon, caf\\u00e9 compris ?');
    assert.match(raw, /\\u00e0/);
    const res = await bed.deliver('instagram', raw);
    assert.equal(res.statusCode, 200, res.body);
    const [stored] = await bed.messagesOf(bed.channels.instagram.id);
    assert.equal(stored?.body, 'Livrez-vous à Lyon, café compris ?');
  });

  it('dead-letters a signed body that is not JSON and answers 400, once however often Meta retries', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await bed.deliver('facebook', '{"object":"page","entry":[');
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.code, 'invalid_json');
    }
    const letters = await bed.deadLettersOf(bed.channels.facebook.id);
    assert.equal(letters.length, 1);
    assert.match(letters[0]!.reason, /malformed JSON/);
    assert.equal(letters[0]!.source, 'facebook-webhook');
  });
});
