// Cold start: from `relais start` on an existing demo data directory until /api/health answers.
// Baseline in the same run: opening the embedded database alone (PGlite's own start-up).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../src/server/db/client.ts';
import { summarize, time } from '../stats.ts';

const bin = fileURLToPath(new URL('../../bin/relais.mjs', import.meta.url));

async function startOnce(dataDir: string, port: number): Promise<{ ms: number; firstBoot: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, RELAIS_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', RELAIS_LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const started = performance.now();
  const child = spawn(process.execPath, [bin, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  try {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
      if (ok) break;
      if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
      if (performance.now() - started > 120_000) throw new Error('server did not answer in 120 s');
      await new Promise((r) => setTimeout(r, 25));
    }
    return { ms: performance.now() - started, firstBoot: out };
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
}

export async function benchColdStart(runs = 5) {
  const dataDir = mkdtempSync(join(tmpdir(), 'relais-bench-'));
  try {
    const first = await startOnce(dataDir, 39_401); // seeds the demo data
    const warm: number[] = [];
    for (let i = 0; i < runs; i++) warm.push((await startOnce(dataDir, 39_402 + i)).ms);
    const pgliteOnly: number[] = [];
    for (let i = 0; i < runs; i++) {
      const [ms, db] = await time(() => openDatabase({ dataDir }));
      pgliteOnly.push(ms);
      await db.close();
    }
    return {
      firstStartWithSeedMs: Math.round(first.ms),
      coldStartExistingDataDir: summarize(warm),
      baselineOpenPgliteOnly: summarize(pgliteOnly),
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
