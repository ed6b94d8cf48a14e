// CPU time spent by the server process and by its PostgreSQL backends: on a machine shared with other work,
// CPU milliseconds per message say what a change costs even when the wall-clock rate is disturbed.
import { readFileSync } from 'node:fs';
import pg from 'pg';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** utime + stime of one process, in ms; 0 once it has exited. */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Measures the server's CPU and, on PostgreSQL, that of the backends connected to its database. */
export async function startCpuMeter(serverPid: number, databaseUrl: string | undefined) {
  const backends = async () => {
    if (!databaseUrl) return [] as number[];
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
      return rows.map((r) => r.pid);
    } finally {
      await client.end();
    }
  };
  const before = new Map<number, number>();
  for (const pid of [serverPid, ...await backends()]) before.set(pid, processCpuMs(pid));
  return {
    async stop() {
      const pids = new Set([...before.keys(), ...await backends()]);
      let postgres = 0;
      for (const pid of pids) if (pid !== serverPid) postgres += processCpuMs(pid) - (before.get(pid) ?? 0);
      return { serverMs: processCpuMs(serverPid) - before.get(serverPid)!, postgresMs: postgres };
    },
  };
}
