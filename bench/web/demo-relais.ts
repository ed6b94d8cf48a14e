// A real Relais on a free port with the demo brands, for the web benchmarks and the README screenshots.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { ensureWebBuild } from '../../scripts/build-web.ts';
import { loadConfig } from '../../src/server/config.ts';
import { startServer, type RunningServer } from '../../src/server/main.ts';
import { seedDemo } from '../../src/server/demo/seed-demo.ts';
import { trainDemoModels } from '../../src/server/demo/train-demo-models.ts';

export type DemoRelais = { url: string; server: RunningServer; email: string; password: string; stop(): Promise<void> };

export async function startDemoRelais(): Promise<DemoRelais> {
  await ensureWebBuild();
  const dataDir = mkdtempSync(join(tmpdir(), 'relais-web-bench-'));
  const server = await startServer(
    loadConfig({ PORT: '0', HOST: '127.0.0.1', RELAIS_DATA_DIR: dataDir, RELAIS_SEED_DEMO: 'never', RELAIS_LOG_LEVEL: 'silent', RELAIS_LOGIN_RATE_LIMIT: '10000' }),
    pino({ level: 'silent' }),
  );
  const seeded = await seedDemo(server.database.db);
  await trainDemoModels(server.database.db);
  const port = (server.app.server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`, server, email: seeded.adminEmail, password: seeded.adminPassword!,
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A fresh browser profile (empty cache) already signed in: the session cookie comes from the login API. */
export async function signedInContext(browser: Browser, url: string, email: string, password: string, locale = 'fr-FR'): Promise<BrowserContext> {
  // bypassCSP: the benchmark's probes are passed as strings, which the app's CSP (rightly) forbids evaluating.
  const context = await browser.newContext({ locale, viewport: { width: 1440, height: 900 }, baseURL: url, bypassCSP: true });
  const res = await context.request.post('/api/auth/login', { data: { email, password } });
  if (!res.ok()) throw new Error(`login failed: ${res.status()} ${await res.text()}`);
  return context;
}
