// `npm run bench`: every benchmark, printed as JSON. Results are recorded by hand in docs/benchmarks.md
// with the date, the machine and the command. Pass names to run a subset: npm run bench -- cold-start
import os from 'node:os';
import { benchColdStart } from './foundation/cold-start.ts';
import { benchListConversations } from './foundation/list-conversations.ts';
import { runClinc150Benchmark } from './clinc150/run-clinc150.ts';
import { benchTriageThroughput } from './triage/triage-throughput.ts';
import { benchSeverityHoldout } from './triage/severity-holdout.ts';
import { benchIntakeThroughput } from './intake/intake-throughput.ts';
import { benchDurability } from './intake/durability.ts';
import { benchWebDesk } from './web/web-desk.ts';
import { benchReports } from './reports/reports.ts';

const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function onPostgres<T>(fn: () => Promise<T>): Promise<T> {
  const saved = process.env.DATABASE_URL;
  process.env.DATABASE_URL = PG_URL;
  try {
    return await fn();
  } finally {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
  }
}

const benchmarks: Record<string, () => Promise<unknown>> = {
  'cold-start': () => benchColdStart(),
  'list-conversations-pglite': () => benchListConversations(),
  'list-conversations-postgres': () => onPostgres(() => benchListConversations()),
  clinc150: async () => runClinc150Benchmark(),
  'triage-throughput': () => benchTriageThroughput(),
  'severity-holdout': async () => benchSeverityHoldout(),
  'intake-pglite': () => benchIntakeThroughput('pglite'),
  'intake-postgres': () => benchIntakeThroughput('postgres'),
  'durability-pglite': () => benchDurability('pglite'),
  'durability-postgres': () => benchDurability('postgres'),
  routing: async () => (await import('./routing/routing-throughput.ts')).benchRouting(),
  'web-desk': () => benchWebDesk(),
  'reports-pglite': () => benchReports(), 'reports-postgres': () => onPostgres(() => benchReports()),
};

const wanted = process.argv.slice(2);
const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version };
console.log(JSON.stringify({ date: new Date().toISOString(), machine }));
for (const [name, run] of Object.entries(benchmarks)) {
  if (wanted.length > 0 && !wanted.some((w) => name.startsWith(w))) continue;
  const started = performance.now();
  const result = await run();
  console.log(JSON.stringify({ benchmark: name, seconds: Math.round((performance.now() - started) / 1000), result }));
}
