// Sends messages as fast as `concurrency` clients can, through the API channel or the SMS webhook,
// and records each acknowledged external id with its latency until commit (the server answers after it).
import { twilioSignature } from '../../src/server/channels/sms/twilio-signature.ts';
import { TWILIO_TOKEN } from './prepare-tenant.ts';

export type Target = { url: string; token: string; apiChannelId: string; smsKey: string };
export type LoadResult = { sent: number; acknowledged: string[]; latenciesMs: number[]; statuses: Record<string, number>; seconds: number };

export async function generateLoad(target: Target, opts: { kind: 'api' | 'sms'; seconds: number; concurrency: number; prefix: string; stop?: AbortSignal }): Promise<LoadResult> {
  const acknowledged: string[] = [];
  const latenciesMs: number[] = [];
  const statuses: Record<string, number> = {};
  let sent = 0;
  let n = 0;
  const deadline = Date.now() + opts.seconds * 1000;
  const started = performance.now();
  const one = async () => {
    const id = `${opts.prefix}-${n++}`;
    const text = `Bonjour, mon colis ${id} n'est pas arrivé, pouvez-vous vérifier ?`;
    const t = performance.now();
    sent++;
    let status = 'network';
    try {
      const res = opts.kind === 'api'
        ? await fetch(`${target.url}/api/channels/${target.apiChannelId}/messages`, {
          method: 'POST', headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ externalId: id, sender: { id: `customer-${n % 500}` }, text }),
        })
        : await (() => {
          const path = `/hooks/sms/${target.smsKey}`;
          const params: [string, string][] = [['MessageSid', `SM${id}`], ['AccountSid', `AC${'b'.repeat(32)}`], ['From', `+3361${String(n % 500).padStart(7, '0')}`], ['To', '+33700000000'], ['Body', text], ['NumMedia', '0']];
          const signature = twilioSignature(TWILIO_TOKEN, `${target.url}${path}`, params);
          return fetch(`${target.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body: new URLSearchParams(params).toString() });
        })();
      await res.arrayBuffer();
      status = String(res.status);
      if (res.ok) {
        acknowledged.push(id);
        latenciesMs.push(performance.now() - t);
      }
    } catch {
      // the server went away (the crash benchmark kills it): not acknowledged
    }
    statuses[status] = (statuses[status] ?? 0) + 1;
  };
  await Promise.all(Array.from({ length: opts.concurrency }, async () => {
    while (Date.now() < deadline && !opts.stop?.aborted) await one();
  }));
  return { sent, acknowledged, latenciesMs, statuses, seconds: (performance.now() - started) / 1000 };
}
