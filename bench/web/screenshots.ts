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

  await page.goto('/admin/routing');
  await page.getByTestId('built-in-rules').waitFor();
  await page.getByTestId('simulate-text').fill('Je veux un remboursement, ma commande est arrivée cassée');
  await page.getByTestId('simulate-run').click();
  await page.getByTestId('simulate-result').waitFor();
  await page.screenshot({ path: `${OUT}routing-rules.png`, fullPage: true });

  await page.goto('/approvals');
  await page.getByTestId('approval-card').or(page.getByTestId('approvals-empty')).first().waitFor();
  await page.screenshot({ path: `${OUT}approval-queue.png` });

  // The dashboards once the reports API is there (the charts draw their SVG).
  const reports = await context.request.get('/api/reports/pyramid');
  if (reports.ok()) {
    await page.goto('/dashboards?from=' + new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10));
    await page.getByTestId('chart-volumes').locator('svg.recharts-surface path').first().waitFor({ state: 'attached' });
    await page.waitForTimeout(300); // charts settle their layout, for the picture only
    await page.screenshot({ path: `${OUT}dashboards.png`, fullPage: true });
  }

  // The experts' space as a demo expert sees it (demo staff share the admin's password).
  const users = (await (await context.request.get('/api/users?limit=100')).json()) as { items: { email: string; role: string }[] };
  const expert = users.items.find((u) => u.role === 'expert');
  await context.close();
  const expertContext = expert && await signedInContext(browser, relais.url, expert.email, relais.password, 'fr-FR').catch(() => null);
  if (!expertContext) process.stdout.write('experts-space.png not refreshed: no demo expert signs in with the demo password\n');
  else {
    const expertPage = await expertContext.newPage();
    await expertPage.goto('/expert');
    await expertPage.getByTestId('expert-row').or(expertPage.getByText('Rien ne vous attend')).first().waitFor();
    const first = expertPage.getByTestId('expert-row').first();
    if (await first.count()) {
      await first.click();
      await expertPage.getByTestId('message').first().waitFor();
    }
    await expertPage.screenshot({ path: `${OUT}experts-space.png` });
    await expertContext.close();
  }
  process.stdout.write(`screenshots saved to ${OUT}\n`);
} finally {
  await browser.close();
  await relais.stop();
}
