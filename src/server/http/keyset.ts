import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { CursorKey } from './pagination.ts';

/** WHERE clause for "rows after the cursor" in (at DESC, id DESC) order. */
export function afterCursor(atColumn: PgColumn, idColumn: PgColumn, cursor: CursorKey | undefined): SQL | undefined {
  if (!cursor) return undefined;
  return or(lt(atColumn, cursor.at), and(eq(atColumn, cursor.at), lt(idColumn, cursor.id)));
}

export const newestFirst = (atColumn: PgColumn, idColumn: PgColumn) => [desc(atColumn), desc(idColumn)];
