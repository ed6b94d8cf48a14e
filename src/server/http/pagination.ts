// Cursor (keyset) pagination: the cursor is the sort key of the last row, so pages stay stable and fast
// however deep the reader goes, unlike OFFSET.
import { z } from 'zod';
import { AppError } from '../errors.ts';

export const paginationQuery = {
  cursor: z.string().max(500).optional().describe('Opaque cursor from the previous page'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
};

export type Page<T> = { items: T[]; nextCursor: string | null };

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** A cursor is the (timestamp, id) of the last row returned. */
export type CursorKey = { at: Date; id: string };

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify([key.at.toISOString(), key.id])).toString('base64url');
}

const cursorShape = z.tuple([z.iso.datetime({ offset: true }), z.uuid()]);

export function decodeCursor(cursor: string | undefined): CursorKey | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const [at, id] = cursorShape.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { at: new Date(at), id };
  } catch {
    throw new AppError('bad_request', 'cursor is not valid: pass the nextCursor of a previous page');
  }
}

/** Fetch limit + 1 rows; this trims the extra one and derives the next cursor from the last kept row. */
export function toPage<R, T>(rows: R[], limit: number, key: (row: R) => CursorKey, present: (row: R) => T): Page<T> {
  const hasMore = rows.length > limit;
  const kept = hasMore ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return { items: kept.map(present), nextCursor: hasMore && last ? encodeCursor(key(last)) : null };
}
