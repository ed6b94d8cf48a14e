// Opens the one database Relais runs on: embedded PGlite in a data directory by default,
// or PostgreSQL when DATABASE_URL is set. Both speak the same SQL and run the same migrations.
import { mkdirSync, accessSync, constants } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Raw parameterized SQL, for libraries that bring their own queries (pg-boss) and for LISTEN/NOTIFY. */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
  /** Runs fn while holding a cluster-wide lock, so several processes on one PostgreSQL do it one at a time. */
  withAdvisoryLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export class DatabaseOpenError extends Error {}

export type OpenOptions = { databaseUrl?: string; dataDir?: string; poolSize?: number };

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize ?? 10) : openPglite(options.dataDir);
}

/** `dataDir` undefined means in memory (tests). */
async function openPglite(dataDir: string | undefined): Promise<Database> {
  let path: string | undefined;
  if (dataDir) {
    path = resolve(dataDir);
    try {
      mkdirSync(path, { recursive: true });
      accessSync(path, constants.W_OK);
    } catch (err) {
      throw new DatabaseOpenError(`data directory ${path} cannot be written: ${(err as Error).message}`);
    }
  }
  let client: PGlite;
  try {
    client = await PGlite.create(path ? `file://${path}` : undefined, { extensions: { pg_trgm, unaccent } });
  } catch (err) {
    throw new DatabaseOpenError(`embedded database in ${path ?? 'memory'} cannot be opened: ${(err as Error).message}`);
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    executeSql: async (text, values = []) => {
      // Parameterless SQL may hold several statements (pg-boss's schema scripts): only exec() accepts those.
      if (values.length === 0) {
        const results = await client.exec(text);
        return { rows: (results[results.length - 1]?.rows ?? []) as any[] };
      }
      return { rows: (await client.query(text, values)).rows as any[] };
    },
    // A PGlite data directory has a single process by construction: there is nobody to lock out.
    withAdvisoryLock: (_key, fn) => fn(),
    close: () => client.close(),
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  try {
    const probe = await pool.connect();
    probe.release();
  } catch (err) {
    await pool.end().catch(() => {});
    throw new DatabaseOpenError(`PostgreSQL at ${redactUrl(url)} cannot be reached: ${(err as Error).message}`);
  }
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    executeSql: async (text, values = []) => ({ rows: (await pool.query(text, values as any[])).rows }),
    withAdvisoryLock: async (key, fn) => {
      // Session-level locks belong to one connection: hold that connection for the whole critical section.
      const lockClient = await pool.connect();
      try {
        await lockClient.query('SELECT pg_advisory_lock($1)', [key]);
        return await fn();
      } finally {
        await lockClient.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => {});
        lockClient.release();
      }
    },
    close: () => pool.end(),
  };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}
