import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { createLlmClient } from './llm-client.ts';
import { startFakeChatServer, type FakeChatServer } from './fake-chat-completions-server.ts';

let server: FakeChatServer;
before(async () => {
  server = await startFakeChatServer();
});
after(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

const messages = [{ role: 'system' as const, content: 'Be brief.' }, { role: 'user' as const, content: 'Bonjour ?' }];

describe('createLlmClient', () => {
  it('posts a Chat Completions request and returns the text', async () => {
    server.answer({ reply: '  Bonjour !  ' });
    const llm = createLlmClient({ baseUrl: `${server.baseUrl}/`, model: 'mistral-small', apiKey: 'key' });
    const result = await llm.complete(messages, { temperature: 0.2, maxTokens: 50 });
    assert.deepEqual(result.ok && { text: result.text, finishReason: result.finishReason, model: result.model },
      { text: 'Bonjour !', finishReason: 'stop', model: 'mistral-small' });
    assert.equal(server.requests.length, 1);
    const [request] = server.requests;
    assert.equal(request!.method, 'POST');
    assert.equal(request!.url, '/v1/chat/completions');
    assert.equal(request!.headers.authorization, 'Bearer key');
    assert.match(String(request!.headers['content-type']), /application\/json/);
    assert.deepEqual(request!.body, { model: 'mistral-small', messages, stream: false, temperature: 0.2, max_tokens: 50 });
  });

  it('sends no Authorization header without an API key (local Ollama or vLLM)', async () => {
    server.answer({ reply: 'ok' });
    const result = await createLlmClient({ baseUrl: server.baseUrl, model: 'llama3.2' }).complete(messages);
    assert.equal(result.ok, true);
    assert.equal(server.requests[0]!.headers.authorization, undefined);
  });

  it('turns an HTTP error into a typed failure with the provider message', async () => {
    server.answer({ status: 500, body: JSON.stringify({ error: { message: 'model overloaded', type: 'server_error' } }) });
    const result = await createLlmClient({ baseUrl: server.baseUrl, model: 'm', apiKey: 'key' }).complete(messages);
    assert.deepEqual(result, { ok: false, error: { kind: 'http', status: 500, message: 'HTTP 500: model overloaded' } });
  });

  it('gives up after the timeout', async () => {
    server.answer({ hangMs: 2_000 });
    const started = Date.now();
    const result = await createLlmClient({ baseUrl: server.baseUrl, model: 'm', timeoutMs: 150 }).complete(messages);
    assert.equal(!result.ok && result.error.kind, 'timeout');
    assert.ok(Date.now() - started < 1_500, 'did not wait for the server');
  });

  it('reports a caller abort as such', async () => {
    server.answer({ hangMs: 2_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const result = await createLlmClient({ baseUrl: server.baseUrl, model: 'm' }).complete(messages, { signal: controller.signal });
    assert.equal(!result.ok && result.error.kind, 'aborted');
  });

  it('rejects garbage, a wrong shape, and empty choices or content', async () => {
    const llm = createLlmClient({ baseUrl: server.baseUrl, model: 'm' });
    const cases: [string, string][] = [
      ['<html>502 Bad Gateway</html>', 'malformed_response'],
      ['{"choices": "nope"}', 'malformed_response'],
      ['[1, 2]', 'malformed_response'],
      ['{"choices": [{"index": 0}]}', 'malformed_response'],
      ['{"choices": []}', 'empty_response'],
      ['{"choices": [{"index": 0, "message": {"role": "assistant", "content": "   "}}]}', 'empty_response'],
      ['{"choices": [{"index": 0, "message": {"role": "assistant", "content": null}}]}', 'malformed_response'],
    ];
    for (const [body, kind] of cases) {
      server.answer({ status: 200, body });
      const result = await llm.complete(messages);
      assert.equal(!result.ok && result.error.kind, kind, body);
    }
  });

  it('reports an unreachable server as a network failure', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const result = await createLlmClient({ baseUrl: `http://127.0.0.1:${port}/v1`, model: 'm', timeoutMs: 2_000 }).complete(messages);
    assert.equal(!result.ok && result.error.kind, 'network');
  });
});
