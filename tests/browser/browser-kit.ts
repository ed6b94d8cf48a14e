// Tests only: a real Relais (HTTP, jobs, realtime, outbox) on a free port with a fresh database and the built
// web app, a tenant with people who can sign in, and Debian's Chromium driven by playwright-core.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ensureWebBuild } from '../../scripts/build-web.ts';
import { loadConfig } from '../../src/server/config.ts';
import { startServer, type RunningServer } from '../../src/server/main.ts';
import { createTestDatabase, type TestDatabase } from '../../src/server/testing/test-database.ts';
import { createBrand, createProvider, createTeam } from '../../src/server/organizations/organizations.service.ts';
import { createUser } from '../../src/server/accounts/users.service.ts';
import { createApiToken } from '../../src/server/accounts/api-tokens.service.ts';
import { createConfiguredChannel } from '../../src/server/channels/channels.service.ts';
import type { Role } from '../../src/server/db/schema/index.ts';

export const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
/** Generous for a 2-core machine running several suites; every wait is on a selector or a response, never a sleep. */
export const WAIT_MS = 20_000;

export type Person = { id: string; email: string; password: string; name: string; token: string };

export type Relais = {
  url: string;
  server: RunningServer;
  orgId: string;
  admin: Person;
  chat: { id: string; webhookKey: string; snippet: string };
  /** A customer message through the API channel (as an integrator would post it); answers its conversation id. */
  customerPosts(text: string, options?: { sender?: string; subject?: string }): Promise<string>;
  addPerson(role: Role, name?: string, options?: { teamId?: string }): Promise<Person>;
  /** A provider organization working for the brand, with its team (a provider team, for delegation). */
  addProviderTeam(name: string): Promise<{ teamId: string }>;
  /** What the API channel's integrator received: the replies customers of the API channel get. */
  delivered: string[];
  /** True when the server in this test has the route (branches land one by one). */
  hasRoute(path: string): Promise<boolean>;
  /** Calls the API as `person` with their API token. */
  api<T = any>(person: Person, method: string, path: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
};

let counter = 0;

export async function startRelais(): Promise<Relais> {
  if (!existsSync(CHROMIUM)) throw new Error(`browser tests need Chromium at ${CHROMIUM}: apt-get install -y chromium (.ci/run does it)`);
  await ensureWebBuild();
  const dataDir = mkdtempSync(join(tmpdir(), 'relais-browser-'));
  let pg: TestDatabase | undefined;
  if (process.env.DATABASE_URL) pg = await createTestDatabase();
  const config = loadConfig({
    PORT: '0', HOST: '127.0.0.1', RELAIS_DATA_DIR: dataDir, RELAIS_SEED_DEMO: 'never', RELAIS_LOG_LEVEL: 'silent',
    RELAIS_LOGIN_RATE_LIMIT: '1000',
    ...(pg?.url ? { DATABASE_URL: pg.url, RELAIS_SECRET_KEY: 'cd'.repeat(32) } : {}),
  });
  const server = await startServer(config, pino({ level: 'silent' }));
  const port = (server.app.server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const { db } = server.database;
  const slug = `browser-${process.pid}-${++counter}`;
  const org = await createBrand(db, { name: 'TER Test', slug });
  const team = await createTeam(db, org.id, { name: 'Core', level: 3 });

  const addPerson = async (role: Role, name = `${role} ${++counter}`, options: { teamId?: string } = {}): Promise<Person> => {
    const email = `${role}.${++counter}.${process.pid}@browser.test`;
    const password = `pw-${role}-${counter}-long-enough`;
    const user = await createUser(db, org.id, { email, name, role, password, teamId: options.teamId ?? team.id }, { kind: 'system' });
    const { token } = await createApiToken(db, org.id, user.id, 'browser test', null);
    return { id: user.id, email, password, name, token };
  };
  const admin = await addPerson('admin', 'Alice Admin');
  const channel = await createConfiguredChannel(db, org.id, { type: 'chat', name: 'Site chat', settings: {} });
  // The API channel's replies go to the integrator's webhook: here a local receiver that accepts them.
  const delivered: string[] = [];
  const integrator: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => {
      delivered.push(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => integrator.listen(0, '127.0.0.1', resolve));
  const apiChannel = await createConfiguredChannel(db, org.id, {
    type: 'api', name: 'Mobile app', settings: { webhookUrl: `http://127.0.0.1:${(integrator.address() as AddressInfo).port}/replies` },
  });

  const api = async <T = any>(person: Person, method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${url}/api${path}`, {
      method, headers: { authorization: `Bearer ${person.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  const channels = await api<{ items: { id: string; embedSnippet: string | null; webhookPath: string }[] }>(admin, 'GET', '/channels');
  const chat = channels.items.find((c) => c.id === channel.id)!;
  // The snippet as an admin copies it from the app: the server's path made absolute (see channels-api.ts).
  const snippet = chat.embedSnippet!.replace(/src="(\/[^"]*)"/, (_m, path: string) => `src="${url}${path}"`);

  const customerPosts: Relais['customerPosts'] = async (text, options = {}) => {
    const sender = options.sender ?? 'Sam Client';
    const accepted = await api<{ conversationId: string }>(admin, 'POST', `/channels/${apiChannel.id}/messages`, {
      externalId: `m-${++counter}-${Date.now()}`, sender: { id: sender.toLowerCase().replace(/\W+/g, '-'), name: sender }, text,
      ...(options.subject ? { subject: options.subject } : {}),
    });
    return accepted.conversationId;
  };

  const addProviderTeam = async (name: string) => {
    const provider = await createProvider(db, org.id, { name, slug: `${name.toLowerCase().replace(/\W+/g, '-')}-${process.pid}-${++counter}` });
    const providerTeam = await createTeam(db, org.id, { name: `${name} team`, providerOrgId: provider.id });
    return { teamId: providerTeam.id };
  };
  let routes: Set<string> | undefined;
  const hasRoute = async (path: string) => {
    routes ??= new Set(Object.keys((await (await fetch(`${url}/api/openapi.json`)).json() as { paths: Record<string, unknown> }).paths));
    return routes.has(path);
  };

  return {
    url, server, orgId: org.id, admin, addPerson, addProviderTeam, delivered, hasRoute, api, customerPosts,
    chat: { id: channel.id, webhookKey: chat.webhookPath.split('/').pop()!, snippet },
    stop: async () => {
      await server.stop();
      await new Promise((resolve) => integrator.close(resolve));
      await pg?.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

export async function newContext(browser: Browser, locale = 'en-US'): Promise<BrowserContext> {
  const context = await browser.newContext({ locale, viewport: { width: 1440, height: 900 } });
  context.setDefaultTimeout(WAIT_MS);
  return context;
}

/** Fails the test on any error thrown in the page, so a broken screen cannot pass by accident. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

export async function signIn(page: Page, relais: Relais, person: Person, path = '/'): Promise<void> {
  await page.goto(`${relais.url}${path}`);
  await page.getByLabel(/^(Email|E-mail)/).fill(person.email);
  await page.getByLabel(/^(Password|Mot de passe)/).fill(person.password);
  await page.getByRole('button', { name: /^(Sign in|Se connecter)$/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** A brand's web page, on another origin than Relais, with the chat widget's embed snippet pasted in. */
export async function startBrandSite(snippet: string): Promise<{ url: string; close(): Promise<void> }> {
  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>TER Test</title></head>
<body><h1>TER Test</h1><p>Besoin d'aide ? Le chat est en bas à droite.</p>${snippet}</body></html>`;
  const site: Server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const port = (site.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => site.close(() => resolve())) };
}

/** The customer opens the chat on the brand's page and sends one message; resolves once the server acknowledged it. */
export async function customerSays(page: Page, text: string): Promise<void> {
  const launcher = page.locator('button.launcher');
  if ((await launcher.getAttribute('aria-expanded')) !== 'true') await launcher.click();
  await page.locator('#relais-input').fill(text);
  await page.locator('form.compose button[type=submit]').click();
  // The widget marks a message sent when the server acknowledged it.
  await page.locator('.msg', { hasText: text }).last().waitFor();
}
