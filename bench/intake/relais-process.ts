// A real `relais start` child process on a prepared database, for load and crash benchmarks.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/relais.mjs', import.meta.url));

export type RelaisProcess = { child: ChildProcess; url: string; kill(signal?: NodeJS.Signals): Promise<void> };

/** `RELAIS_BENCH_NODE_ARGS` (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) profiles the server under load. */
export async function startRelais(env: NodeJS.ProcessEnv, port: number): Promise<RelaisProcess> {
  const nodeArgs = process.env.RELAIS_BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, bin, 'start'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', RELAIS_SEED_DEMO: 'never', RELAIS_LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`relais exited with ${child.exitCode}`);
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) break;
    if (Date.now() - started > 120_000) throw new Error('relais did not start in 120 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    child, url,
    kill: (signal = 'SIGTERM') => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    }),
  };
}
