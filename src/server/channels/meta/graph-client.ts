// One POST to the Graph API. The Page token travels as a Bearer header (kept out of URLs and proxy logs) with
// appsecret_proof, which apps that enable "Require App Secret" demand on every call.
import type { SendResult } from '../channel-adapter.ts';
import { graphFailure } from './graph-errors.ts';
import type { MetaAccess } from './meta-settings.ts';
import { appSecretProof } from './meta-signature.ts';

const TIMEOUT_MS = 15_000;

export async function postToGraph(access: MetaAccess, path: string, body: Record<string, unknown>): Promise<SendResult> {
  const url = new URL(`${access.graphBaseUrl}/${access.graphVersion}${path}`);
  url.searchParams.set('appsecret_proof', appSecretProof(access.appSecret, access.accessToken));
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${access.accessToken}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    // Unreachable or too slow: Meta may or may not have it; the outbox retries (a rare duplicate beats a loss).
    return { ok: false, retryable: true, reason: `Graph API unreachable: ${(err as Error).message}` };
  }
  const text = await response.text().catch(() => '');
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok || (json && typeof json === 'object' && 'error' in json)) return graphFailure(response.status, json);
  // Send API: { recipient_id, message_id }; comments and replies: { id }.
  const result = (json ?? {}) as { message_id?: unknown; id?: unknown };
  const externalId = typeof result.message_id === 'string' ? result.message_id : typeof result.id === 'string' ? result.id : null;
  return { ok: true, externalId };
}
