// Builds the web app (src/web, Vite) into dist/web. `npm start` runs it with --if-stale first, so
// `npm install && npm start` needs no extra command: it builds when dist/web is missing or older than the app's
// sources or the lock file, and otherwise costs one directory walk. Browser tests call ensureWebBuild() too.
// The build goes to a temporary directory that replaces dist/web at the end, so a half-written build is never
// served and two runs at once cannot mix their files.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const WEB_SOURCE = join(ROOT, 'src/web');
export const WEB_DIST = join(ROOT, 'dist/web');
const STAMP = '.build-stamp';
const INPUTS = [WEB_SOURCE, join(ROOT, 'package-lock.json')];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when dist/web is missing or older than any source file (or the lock file: dependencies changed). */
export function webBuildIsStale(): boolean {
  const stamp = join(WEB_DIST, STAMP);
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return INPUTS.some((input) => existsSync(input) && newestMtime(input) > built);
}

/** Pre-compressed copies of the hashed assets, served as they are by @fastify/static (preCompressed). */
function compressAssets(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) compressAssets(path);
    else if (/\.(js|css|svg|json|html)$/.test(entry.name)) {
      const body = readFileSync(path);
      writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
      writeFileSync(`${path}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    }
  }
}

export async function buildWeb(): Promise<void> {
  const { build } = await import('vite');
  const temporary = `${WEB_DIST}.tmp-${process.pid}-${Date.now()}`;
  await build({ configFile: join(WEB_SOURCE, 'vite.config.ts'), logLevel: 'warn', build: { outDir: temporary, emptyOutDir: true } });
  compressAssets(join(temporary, 'assets'));
  writeFileSync(join(temporary, STAMP), new Date().toISOString());
  mkdirSync(dirname(WEB_DIST), { recursive: true });
  const previous = `${WEB_DIST}.old-${process.pid}-${Date.now()}`;
  if (existsSync(WEB_DIST)) renameSync(WEB_DIST, previous);
  renameSync(temporary, WEB_DIST);
  rmSync(previous, { recursive: true, force: true });
}

/** Builds unless the current build is fresh. Returns whether it built. */
export async function ensureWebBuild(): Promise<boolean> {
  if (!webBuildIsStale()) return false;
  await buildWeb();
  return true;
}

const invokedDirectly = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
  const ifStale = process.argv.includes('--if-stale');
  // `npm start` passes --never-fail: the API still comes up (and `/` says the app is not built) when the build
  // fails; an explicit build, the test runner's and CI's, must fail loudly.
  const neverFail = process.argv.includes('--never-fail');
  const started = performance.now();
  try {
    const built = ifStale ? await ensureWebBuild() : (await buildWeb(), true);
    if (built) process.stdout.write(`web app built into dist/web in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  } catch (err) {
    process.stderr.write(`relais: the web app could not be built: ${(err as Error).message}\n`);
    process.exitCode = neverFail ? 0 : 1;
  }
}
