// Reads Twilio's form fields (incoming message, delivery status) into plain values; a missing field is a reason.
import type { Attachment } from '../../db/schema/index.ts';
import type { FormParams } from './twilio-signature.ts';

export type IncomingSms = {
  messageSid: string;
  from: string;
  to: string | null;
  body: string;
  attachments: Attachment[];
  metadata: Record<string, unknown>;
};

export type DeliveryStatus = { messageSid: string; status: string; errorCode: string | null };

const first = (params: FormParams, name: string) => params.find(([n]) => n === name)?.[1];

function missing(params: FormParams, names: string[]): string | null {
  const absent = names.filter((n) => first(params, n) === undefined || (n !== 'Body' && first(params, n) === ''));
  return absent.length ? `missing ${absent.join(', ')}` : null;
}

/** Body may be empty (a picture alone), but must be present, as Twilio always sends it. */
export function readIncomingSms(params: FormParams): IncomingSms | { reason: string } {
  const absent = missing(params, ['MessageSid', 'From', 'Body']);
  if (absent) return { reason: absent };
  const numMedia = Number(first(params, 'NumMedia') ?? '0');
  if (!Number.isInteger(numMedia) || numMedia < 0 || numMedia > 10) return { reason: `NumMedia is not a count: ${first(params, 'NumMedia')}` };
  const attachments: Attachment[] = [];
  for (let i = 0; i < numMedia; i++) {
    const url = first(params, `MediaUrl${i}`);
    if (!url) return { reason: `NumMedia is ${numMedia} but MediaUrl${i} is missing` };
    // Twilio keeps the media (fetching it may need the account's credentials): we keep its address.
    attachments.push({ name: url.split('/').pop() || `media-${i}`, contentType: first(params, `MediaContentType${i}`) ?? 'application/octet-stream', size: 0, url });
  }
  const pick = (names: string[]) => Object.fromEntries(names.flatMap((n) => (first(params, n) ? [[n, first(params, n)]] : [])));
  return {
    messageSid: first(params, 'MessageSid')!,
    from: first(params, 'From')!,
    to: first(params, 'To') ?? null,
    body: first(params, 'Body')!,
    attachments,
    metadata: { sms: pick(['To', 'AccountSid', 'MessagingServiceSid', 'NumSegments', 'FromCountry', 'FromState', 'FromCity']) },
  };
}

export function readDeliveryStatus(params: FormParams): DeliveryStatus | { reason: string } {
  const absent = missing(params, ['MessageSid', 'MessageStatus']);
  if (absent) return { reason: absent };
  return { messageSid: first(params, 'MessageSid')!, status: first(params, 'MessageStatus')!, errorCode: first(params, 'ErrorCode') || null };
}
