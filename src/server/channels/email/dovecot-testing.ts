// A real IMAP server for the mailbox-polling tests: Debian's Dovecot (package dovecot-imapd), started as a
// child process with a generated configuration in a temp dir: one user, Maildir storage, plaintext login on
// 127.0.0.1 only. Missing Dovecot fails the tests with the install command: they are never skipped.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';

export const IMAP_USER = 'support@ter-azur.example';
export const IMAP_PASSWORD = 'correct horse battery staple';

function dovecotBinary(): string {
  // /usr/sbin is not on every PATH (a non-login shell, some CI runners).
  let failure = '';
  for (const binary of ['dovecot', '/usr/sbin/dovecot']) {
    const found = spawnSync(binary, ['--version'], { encoding: 'utf8' });
    if (!found.error && found.status === 0) return binary;
    failure ||= found.error?.message ?? found.stderr.trim();
  }
  throw new Error(`Dovecot is required for the IMAP polling tests: install it with \`apt-get install -y dovecot-imapd\` (dovecot --version failed: ${failure})`);
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const canConnect = (port: number) => new Promise<boolean>((resolve) => {
  const socket = connect(port, '127.0.0.1');
  socket.once('connect', () => (socket.destroy(), resolve(true)));
  socket.once('error', () => resolve(false));
});

function config(dir: string, port: number): string {
  return `
protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = /dev/stderr
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
# No brute-force slowdown: the wrong-password test fails logins on purpose.
auth_failure_delay = 0
login_trusted_networks = 127.0.0.0/8
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = passwd-file
  args = username_format=%u ${dir}/passwd
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
service stats {
  inet_listener http {
    port = 0
  }
}
`;
}

export type Dovecot = { port: number; dir: string; log(): string; client(): Promise<ImapFlow>; stop(): Promise<void> };

export async function startDovecot(): Promise<Dovecot> {
  const binary = dovecotBinary();
  const dir = await mkdtemp(join(tmpdir(), 'relais-dovecot-'));
  // Dovecot's unprivileged processes (auth, login) must read the config and the passwd file.
  await chmod(dir, 0o755);
  await Promise.all(['run', 'state', 'mail'].map((d) => mkdir(join(dir, d))));
  // Dovecot refuses uid 0 for a mail user: as root (the sandbox, CI), the mail belongs to nobody.
  const root = process.getuid?.() === 0;
  const uid = root ? 65534 : process.getuid!();
  const gid = root ? 65534 : process.getgid!();
  if (root) await chown(join(dir, 'mail'), uid, gid);
  await writeFile(join(dir, 'passwd'), `${IMAP_USER}:{PLAIN}${IMAP_PASSWORD}:${uid}:${gid}::${dir}/home::\n`, { mode: 0o644 });
  const port = await freePort();
  const conf = join(dir, 'dovecot.conf');
  await writeFile(conf, config(dir, port), { mode: 0o644 });

  let output = '';
  const child: ChildProcess = spawn(binary, ['-F', '-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let running = true;
  // A test process that ends without after() (a crash, a timeout) must not leave Dovecot behind.
  const orphanGuard = () => child.kill('SIGTERM');
  process.once('exit', orphanGuard);
  void exited.then(() => ((running = false), process.off('exit', orphanGuard)));

  const stop = async () => {
    if (running) child.kill('SIGTERM');
    await exited;
    await rm(dir, { recursive: true, force: true });
  };
  for (let i = 0; !(await canConnect(port)); i++) {
    if (!running || i > 200) {
      await stop();
      throw new Error(`Dovecot did not start on port ${port}:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port, dir, stop,
    /** What Dovecot logged so far, for a failing test's message. */
    log: () => output,
    /** A logged-in client of the test user, to deliver (APPEND) and inspect mail. */
    async client() {
      const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user: IMAP_USER, pass: IMAP_PASSWORD }, logger: false });
      client.on('error', () => {});
      await client.connect();
      return client;
    },
  };
}
