// Which desk events a socket's caller hears. The core team hears every event of its organization (that is
// how it watches experts' conversations live). Experts and provider agents hear only of conversations in
// their scope at the moment the event arrives, so a conversation escalated, taken over or made confidential
// goes quiet for them at once; crisis alerts are the core team's.
import type { Db } from '../db/client.ts';
import { isInScope, seesEverything, type Caller } from '../access/conversation-scope.ts';
import type { RealtimeEvent, ResyncSignal } from './realtime-events.ts';

export type Deliver = (event: RealtimeEvent | ResyncSignal) => void;

/** Returns the subscriber for one socket: it checks each event, then delivers in arrival order. */
export function scopedDelivery(db: Db, caller: Caller, deliver: Deliver, onError: (err: unknown) => void) {
  if (seesEverything(caller)) {
    return (orgId: string | null, event: RealtimeEvent | ResyncSignal) => {
      if (event.kind === 'resync' || orgId === caller.orgId) deliver(event);
    };
  }
  let queue: Promise<void> = Promise.resolve();
  return (orgId: string | null, event: RealtimeEvent | ResyncSignal) => {
    if (event.kind === 'resync') return void (queue = queue.then(() => deliver(event)));
    if (orgId !== caller.orgId || event.kind === 'alert.raised' || !('conversationId' in event)) return;
    const check = isInScope(db, caller, event.conversationId);
    // One chain per socket: checks run concurrently, deliveries keep the order events arrived in.
    queue = queue.then(() => check).then((ok) => { if (ok) deliver(event); }, onError);
  };
}
