// Every channel adapter Relais knows. Adding a channel = writing channels/<type>/adapter.ts and listing it here.
import type { ChannelType } from '../db/schema/index.ts';
import type { ChannelAdapter } from './channel-adapter.ts';

const adapters: ChannelAdapter<any>[] = [];

export function registerAdapter(adapter: ChannelAdapter<any>): void {
  const existing = adapters.find((a) => a.type === adapter.type);
  if (existing === adapter) return; // registering the same adapter twice is harmless
  if (existing) throw new Error(`another ${adapter.type} adapter is already registered`);
  adapters.push(adapter);
}

export function adapterFor(type: ChannelType): ChannelAdapter<unknown> | undefined {
  return adapters.find((a) => a.type === type);
}

export function allAdapters(): readonly ChannelAdapter<unknown>[] {
  return adapters;
}
