// The `relais` command as an operator runs it: a real child process, real exit codes, one-line errors.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';

const bin = fileURLToPath(new URL('../../../bin/relais.mjs', import.meta.url));
const cleanEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, RELAIS_LOG_LEVEL: 'silent', RELAIS_SEED_DEMO: 'never' };
  delete env.DATABASE_URL;
  return env;
};

function relais(args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const assertOneLineError = (r: { stderr: string }, pattern: RegExp) => {
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `expected one line, got:\n${r.stderr}`);
  assert.match(lines[0]!, /^relais: /);
  assert.match(lines[0]!, pattern);
};

describe('relais CLI', () => {
  let dataDir: string;
  let database: TestDatabase | undefined;
  let env: NodeJS.ProcessEnv;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'relais-cli-'));
    env = { ...cleanEnv(), RELAIS_DATA_DIR: dataDir };
    // On the PostgreSQL run, the child processes get a fresh database of their own.
    if (process.env.DATABASE_URL) {
      database = await createTestDatabase();
      env.DATABASE_URL = database.url;
      env.RELAIS_SECRET_KEY = 'cd'.repeat(32);
    }
  });
  after(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await database?.dispose();
  });

  it('prints help listing every command', () => {
    const r = relais(['--help'], env);
    assert.equal(r.status, 0);
    for (const cmd of ['relais start', 'relais migrate', 'relais seed-demo', 'relais user create', 'relais token create']) {
      assert.ok(r.stdout.includes(cmd), `help lacks ${cmd}`);
    }
  });

  it('rejects wrong arguments with one line and exit code 2', () => {
    assertOneLineError(relais(['frobnicate'], env), /unknown command/);
    assert.equal(relais(['frobnicate'], env).status, 2);
    const missingRole = relais(['user', 'create', '--email', 'a@example.test'], env);
    assert.equal(missingRole.status, 2);
    assertOneLineError(missingRole, /--role must be one of/);
    const unknownOption = relais(['token', 'create', '--colour', 'red'], env);
    assert.equal(unknownOption.status, 2);
    assertOneLineError(unknownOption, /colour/);
  });

  it('stops with one clear line on a bad configuration', () => {
    const badPort = relais(['migrate'], { ...env, PORT: 'abc' });
    assert.equal(badPort.status, 1);
    assertOneLineError(badPort, /PORT/);
    const noKey = { ...env, DATABASE_URL: database?.url ?? 'postgres://postgres@127.0.0.1:5432/test', RELAIS_SECRET_KEY: undefined, PORT: '0' };
    const keyless = relais(['start'], noKey);
    assert.equal(keyless.status, 1);
    assertOneLineError(keyless, /RELAIS_SECRET_KEY is required/);
    const unreachable = relais(['migrate'], { ...env, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere' });
    assert.equal(unreachable.status, 1);
    assertOneLineError(unreachable, /cannot be reached/);
    const notAUrl = relais(['migrate'], { ...env, DATABASE_URL: 'mysql://x' });
    assert.equal(notAUrl.status, 1);
    assertOneLineError(notAUrl, /DATABASE_URL/);
    // A path under a regular file can never become a directory, even for root.
    const file = join(dataDir, 'not-a-directory');
    writeFileSync(file, 'x');
    const unwritable = relais(['migrate'], { ...cleanEnv(), RELAIS_DATA_DIR: join(file, 'data') });
    assert.equal(unwritable.status, 1);
    assertOneLineError(unwritable, /cannot be written/);
  });

  it('creates an organization, a user and a token that the started server accepts, then stops on SIGTERM', async () => {
    assert.equal(relais(['migrate'], env).status, 0);
    const org = relais(['org', 'create', '--name', 'Régional Express', '--slug', 'regional-express'], env);
    assert.equal(org.status, 0, org.stderr);
    const user = relais(['user', 'create', '--email', 'chef@regional.test', '--role', 'admin', '--name', 'Chef'], env);
    assert.equal(user.status, 0, user.stderr);
    assert.match(user.stdout, /password: \S{10,}/);
    const duplicate = relais(['user', 'create', '--email', 'chef@regional.test', '--role', 'admin'], env);
    assert.equal(duplicate.status, 1);
    assertOneLineError(duplicate, /already exists/);
    const token = relais(['token', 'create', '--email', 'chef@regional.test'], env);
    assert.equal(token.status, 0, token.stderr);
    const secret = token.stdout.trim();
    assert.match(secret, /^rls_/);

    const child = spawn(process.execPath, [bin, 'start'], { env: { ...env, PORT: '0', HOST: '127.0.0.1' } });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) { clearTimeout(timer); resolve(m[1]!); }
      });
      child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
    });
    const health = (await (await fetch(`${url}/api/health`)).json()) as { status: string };
    assert.equal(health.status, 'ok');
    const users = await fetch(`${url}/api/users`, { headers: { authorization: `Bearer ${secret}` } });
    assert.equal(users.status, 200);
    assert.equal(((await users.json()) as any).items[0].email, 'chef@regional.test');
    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exit, 0);
  });

  it('refuses to start on a port already in use, with one line', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const r = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [bin, 'start'], { env: { ...env, PORT: String(port), HOST: '127.0.0.1' } });
      let stderr = '';
      child.stderr.on('data', (c) => (stderr += c));
      child.on('exit', (status) => resolve({ status, stderr }));
    });
    blocker.close();
    assert.equal(r.status, 1);
    assertOneLineError(r, /port \d+ is already in use/);
  });
});
