// A client for any OpenAI-compatible Chat Completions endpoint: a hosted provider, or a local Ollama or
// vLLM (`http://localhost:11434/v1`). Every outcome is a value: callers decide what a failure means
// (usually: no automatic answer, a person takes over); nothing here throws into them.

export type ChatMessage = { role: 'system' | 'user' | 'assistant'; content: string };

export type LlmConfig = {
  /** Up to the version segment, e.g. `https://api.openai.com/v1`; `/chat/completions` is appended. */
  baseUrl: string;
  model: string;
  apiKey?: string | undefined;
  /** Whole request, body included. 30 s by default. */
  timeoutMs?: number | undefined;
};

export type CompleteOptions = { temperature?: number; maxTokens?: number; signal?: AbortSignal };

export type LlmFailureKind = 'timeout' | 'aborted' | 'network' | 'http' | 'malformed_response' | 'empty_response';
export type LlmFailure = { kind: LlmFailureKind; message: string; status?: number };

export type LlmCompletion = {
  ok: true;
  text: string;
  model: string;
  /** 'stop' when the model finished; 'length' when max_tokens cut it. */
  finishReason: string | null;
  usage?: { promptTokens?: number; completionTokens?: number };
};
export type LlmResult = LlmCompletion | { ok: false; error: LlmFailure };

export type LlmClient = {
  readonly model: string;
  complete(messages: readonly ChatMessage[], options?: CompleteOptions): Promise<LlmResult>;
};

const DEFAULT_TIMEOUT_MS = 30_000;
/** Error bodies are quoted in logs: enough to diagnose, not a whole HTML page. */
const MAX_ERROR_CHARS = 300;

export function createLlmClient(config: LlmConfig): LlmClient {
  const url = `${config.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (config.apiKey) headers.authorization = `Bearer ${config.apiKey}`;

  async function complete(messages: readonly ChatMessage[], options: CompleteOptions = {}): Promise<LlmResult> {
    if (options.signal?.aborted) return failure('aborted', 'cancelled by the caller');
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onCallerAbort = () => controller.abort();
    options.signal?.addEventListener('abort', onCallerAbort, { once: true });
    const body = JSON.stringify({
      model: config.model, messages, stream: false,
      ...(options.temperature !== undefined && { temperature: options.temperature }),
      ...(options.maxTokens !== undefined && { max_tokens: options.maxTokens }),
    });
    try {
      const response = await fetch(url, { method: 'POST', headers, body, signal: controller.signal });
      // Read the body under the same timeout: a server may send headers and then stall.
      const text = await response.text();
      if (!response.ok) return failure('http', `HTTP ${response.status}: ${errorMessage(text)}`, response.status);
      return parseCompletion(text, config.model);
    } catch (err) {
      if (timedOut) return failure('timeout', `no complete answer within ${timeoutMs} ms`);
      if (controller.signal.aborted) return failure('aborted', 'cancelled by the caller');
      return failure('network', describe(err));
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  return { model: config.model, complete };
}

const failure = (kind: LlmFailureKind, message: string, status?: number): LlmResult =>
  ({ ok: false, error: status === undefined ? { kind, message } : { kind, message, status } });

/** Checks the Chat Completions shape field by field: providers differ, and proxies answer HTML. */
function parseCompletion(text: string, requestedModel: string): LlmResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return failure('malformed_response', `not JSON: ${text.slice(0, MAX_ERROR_CHARS)}`);
  }
  if (!isObject(json)) return failure('malformed_response', 'the answer is not a JSON object');
  if (!Array.isArray(json.choices)) return failure('malformed_response', 'the answer has no "choices" array');
  const choice: unknown = json.choices[0];
  if (choice === undefined) return failure('empty_response', 'the answer has no choices');
  if (!isObject(choice) || !isObject(choice.message)) return failure('malformed_response', 'the first choice has no message');
  const content = contentText(choice.message.content);
  if (content === null) return failure('malformed_response', 'the message content is not text');
  if (content.trim() === '') return failure('empty_response', 'the model answered nothing');
  const usage = isObject(json.usage) ? json.usage : undefined;
  return {
    ok: true,
    text: content.trim(),
    model: typeof json.model === 'string' ? json.model : requestedModel,
    finishReason: typeof choice.finish_reason === 'string' ? choice.finish_reason : null,
    ...(usage && {
      usage: {
        ...(typeof usage.prompt_tokens === 'number' && { promptTokens: usage.prompt_tokens }),
        ...(typeof usage.completion_tokens === 'number' && { completionTokens: usage.completion_tokens }),
      },
    }),
  };
}

/** A string, or (some servers) an array of `{ type: 'text', text }` parts. */
function contentText(content: unknown): string | null {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return null;
  const parts = content.map((p) => (isObject(p) && typeof p.text === 'string' ? p.text : null));
  return parts.every((p) => p !== null) ? parts.join('') : null;
}

/** `{"error":{"message"}}` as OpenAI, vLLM and Ollama send it, else the start of the body. */
function errorMessage(text: string): string {
  try {
    const json: unknown = JSON.parse(text);
    if (isObject(json) && isObject(json.error) && typeof json.error.message === 'string') return json.error.message.slice(0, MAX_ERROR_CHARS);
    if (isObject(json) && typeof json.error === 'string') return json.error.slice(0, MAX_ERROR_CHARS);
  } catch {
    // not JSON: quote it as it is
  }
  return text.slice(0, MAX_ERROR_CHARS) || '(empty body)';
}

function describe(err: unknown): string {
  const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
  return `${err instanceof Error ? err.message : String(err)}${cause}`;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
