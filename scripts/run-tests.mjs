#!/usr/bin/env node
// Runs every *.test.ts under src/ and tests/ with Node's test runner (Node 20 expands no globs itself).
// Fails when no test file is found, so a broken layout can never pass as "0 tests".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findTests(dir) {
  let found = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules') found = found.concat(findTests(path));
    else if (entry.isFile() && entry.name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

const filter = process.argv.slice(2);
const files = ['src', 'tests'].flatMap(findTests).filter((f) => filter.length === 0 || filter.some((x) => f.includes(x))).sort();
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
// Browser tests need the built web app: build it once here (when stale), not in each test file at once.
if (files.some((f) => f.includes(join('tests', 'browser')))) {
  const build = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./build-web.ts', import.meta.url)), '--if-stale'], { stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('the web app could not be built: browser tests cannot run');
    process.exit(1);
  }
}
const concurrency = process.env.RELAIS_TEST_CONCURRENCY ?? '2';
// A second reporter writes TAP to a file, from which the closing "N passed, N failed" line is taken.
const tapDir = mkdtempSync(join(tmpdir(), 'relais-tap-'));
const tapFile = join(tapDir, 'results.tap');
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`,
    '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tapFile}`, ...files],
  { stdio: 'inherit', env: { ...process.env, RELAIS_LOG_LEVEL: process.env.RELAIS_LOG_LEVEL ?? 'silent' } },
);
let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const tap = readFileSync(tapFile, 'utf8');
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
  passed = count('pass');
  failed = count('fail') + count('cancelled');
  skipped = count('skipped');
} finally {
  rmSync(tapDir, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
if (passed === 0) {
  console.error('no test passed: a suite that runs nothing must not pass');
  process.exit(1);
}
process.exit(result.status ?? 1);
