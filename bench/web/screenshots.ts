// `npm run screenshots`: the key screens with the demo data, saved to docs/screenshots/ (shown in the README).
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium, signedInContext, startDemoRelais } from './demo-relais.ts';

const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

const relais = await startDemoRelais();
const browser = await launchChromium();
try {
  mkdirSync(OUT, { recursive: true });
  const anonymous = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 }, baseURL: relais.url });
  const login = await anonymous.newPage();
  await login.goto('/login');
  await login.getByRole('heading', { name: 'Connexion à Relais' }).waitFor();
  await login.screenshot({ path: `${OUT}login.png` });
  await anonymous.close();

  const context = await signedInContext(browser, relais.url, relais.email, relais.password, 'fr-FR');
  const page = await context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/inbox?status=open');
  await page.getByTestId('inbox-row').first().waitFor();
  await page.screenshot({ path: `${OUT}inbox.png` });

  // The newest open conversation: the demo's crisis (triage badges, internal notes, suggestions).
  await page.getByTestId('inbox-row').first().click();
  await page.getByTestId('message').first().waitFor();
  await page.getByTestId('suggestions').getByRole('button').first().waitFor();
  await page.screenshot({ path: `${OUT}conversation.png` });

  await page.goto('/admin/channels');
  await page.getByTestId('channel-row').filter({ hasText: /chat/i }).first().click();
  await page.getByTestId('embed-snippet').waitFor();
  await page.waitForTimeout(300); // the drawer's slide-in transition, for the picture only
  await page.screenshot({ path: `${OUT}admin-channels.png` });
  await context.close();
  process.stdout.write(`screenshots saved to ${OUT}\n`);
} finally {
  await browser.close();
  await relais.stop();
}
