// The inbox's filters live in the URL (?status=open&severity=crisis), so a view can be bookmarked, shared and
// kept across reloads; saved views are named sets of these filters.
export const FILTER_KEYS = ['status', 'level', 'severity', 'channelId', 'language', 'assigneeId', 'teamId', 'slaState'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
/** assigneeId: a user id, "me" (the person signed in) or "none" (unassigned). */
export type InboxFilters = Partial<Record<FilterKey, string>>;

export function filtersFromSearch(search: string): InboxFilters {
  const params = new URLSearchParams(search);
  const filters: InboxFilters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}

export function searchFromFilters(filters: InboxFilters): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filters[key]) params.set(key, filters[key]!);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** What GET /api/conversations receives: "me" becomes the person's id. */
export function apiFilters(filters: InboxFilters, meId: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) out[key] = key === 'assigneeId' && value === 'me' ? meId : value;
  }
  return out;
}

export const sameFilters = (a: InboxFilters, b: InboxFilters) => searchFromFilters(a) === searchFromFilters(b);
