// The desk in a real browser: a crisis raises an alert nobody can miss, customer-written HTML stays text,
// French/English switching is remembered, the keyboard drives the inbox, triage is corrected in one click, and
// an admin form shows the server's error next to the field it concerns.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { customerSays, launchBrowser, newContext, signIn, startBrandSite, startRelais, watchErrors, type Relais } from './browser-kit.ts';

describe('browser: the desk', () => {
  let relais: Relais;
  let browser: Browser;
  before(async () => {
    [relais, browser] = await Promise.all([startRelais(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await relais?.stop();
  });

  async function agentPage(path = '/inbox', locale = 'en-US'): Promise<Page> {
    const context = await newContext(browser, locale);
    const page = await context.newPage();
    await signIn(page, relais, relais.admin, path);
    return page;
  }

  it('shows a crisis message as an alert above every page until someone acknowledges it', async () => {
    const page = await agentPage('/admin/users');
    const errors = watchErrors(page);
    const site = await startBrandSite(relais.chat.snippet);
    const customer = await (await newContext(browser, 'fr-FR')).newPage();
    await customer.goto(site.url);
    await customerSays(customer, 'Je vais me suicider ce soir, je n’en peux plus de tout ça');

    // Triage reads it in the background and raises the alert; the page hears of it over the WebSocket.
    const banner = page.getByTestId('crisis-banner');
    await banner.waitFor();
    assert.equal(await banner.getAttribute('role'), 'alert', 'announced to screen readers');
    assert.match(await banner.innerText(), /1 crisis alert needs someone now/);
    assert.match(await page.title(), /^\(1\)/, 'counted in the tab title');

    // Open the conversation from the alert: the severity badge says crisis.
    await banner.getByRole('link', { name: 'Open the conversation' }).click();
    await page.waitForURL(/\/inbox\/[0-9a-f-]{36}$/);
    await page.getByTestId('severity-badge').filter({ hasText: 'Crisis' }).waitFor();

    const acknowledged = page.waitForResponse((r) => r.url().includes('/acknowledge'));
    await banner.getByRole('button', { name: "I'm on it" }).click();
    assert.equal((await acknowledged).status(), 200);
    await banner.waitFor({ state: 'detached' });
    assert.equal((await relais.api(relais.admin, 'GET', '/alerts?acknowledged=false')).items.length, 0);
    assert.deepEqual(errors, []);
    await customer.context().close();
    await site.close();
    await page.context().close();
  });

  it('shows customer-written HTML and script as text, never running them', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>gras</b>';
    const id = await relais.customerPosts(hostile, { sender: '<i>Mallory</i>', subject: '<svg onload="window.__pwned=3">' });
    const page = await agentPage(`/inbox/${id}`);
    const body = page.getByTestId('message-body').first();
    await body.waitFor();
    assert.equal(await body.innerText(), hostile, 'the exact characters the customer typed');
    assert.equal(await page.getByTestId('thread').locator('img, script, b, svg:not([aria-hidden])').count(), 0, 'no element made from customer text');
    await page.getByTestId('inbox-row').first().waitFor();
    assert.match(await page.getByTestId('inbox-row').first().innerText(), /<i>Mallory<\/i>/);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    await page.context().close();
  });

  it('switches between English and French, and remembers the choice after a reload', async () => {
    const page = await agentPage('/inbox', 'en-US');
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await page.getByTestId('language-switch').getByText('FR').click();
    await page.getByRole('heading', { name: 'Boîte de réception' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
    await page.reload();
    await page.getByRole('heading', { name: 'Boîte de réception' }).waitFor();
    await page.getByRole('link', { name: 'Canaux' }).waitFor();
    await page.getByTestId('language-switch').getByText('EN').click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    await page.context().close();

    // A French browser gets French from the first page, the login page included.
    const french = await (await newContext(browser, 'fr-FR')).newPage();
    await french.goto(`${relais.url}/login`);
    await french.getByRole('heading', { name: 'Connexion à Relais' }).waitFor();
    await french.context().close();
  });

  it('drives the inbox from the keyboard and corrects triage in one click', async () => {
    const first = await relais.customerPosts('Où est passé mon vélo ? Je l’ai laissé dans le train', { sender: 'Kim Premier' });
    const second = await relais.customerPosts('Horaires du dimanche entre Nice et Cannes ?', { sender: 'Lou Second' });
    // Triage runs in the background and its live updates re-render the list: let it finish first, so j/k walk
    // a list that holds still.
    for (const id of [first, second]) {
      for (let i = 0; i < 100 && !(await relais.api(relais.admin, 'GET', `/conversations/${id}`)).routing; i++) await new Promise((r) => setTimeout(r, 100));
    }
    const page = await agentPage('/inbox');
    await page.getByTestId('inbox-row').nth(1).waitFor();
    // The two newest, in order, with no field holding the focus (shortcuts are for the page itself).
    await page.waitForFunction(([a, b]) => {
      const ids = [...document.querySelectorAll('[data-testid="inbox-row"]')].slice(0, 2).map((r) => r.getAttribute('data-conversation-id'));
      return ids[0] === a && ids[1] === b;
    }, [second, first]);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

    // Each key waits for the cursor to show where it is, as a person's next key would.
    const cursorOn = (id: string) => page.locator(`[data-testid="inbox-row"][data-cursor][data-conversation-id="${id}"]`).waitFor();
    await page.keyboard.press('j'); // first row (newest: Lou)
    await cursorOn(second);
    await page.keyboard.press('j'); // second row (Kim)
    await cursorOn(first);
    await page.keyboard.press('k'); // back to the first
    await cursorOn(second);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/inbox/${second}$`));
    await page.keyboard.press('j');
    await cursorOn(first);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/inbox/${first}$`));
    await page.getByTestId('message-body').filter({ hasText: 'mon vélo' }).waitFor();

    // Shortcuts are for when no field has the focus: drop it (a click at fixed coordinates could land on a
    // navigation link as the menu grows). r: the reply box.
    // The conversation view may still re-render from a live update (and remount the reply box): press again
    // until the focus holds.
    let focused: string | undefined;
    for (let attempt = 0; attempt < 10 && focused !== 'composer-input'; attempt++) {
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('r');
      await page.waitForTimeout(150);
      focused = await page.evaluate(() => document.activeElement?.id);
    }
    assert.equal(focused, 'composer-input', `'r' did not focus the reply box (focus: ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120))})`);

    // ?: the list of shortcuts, closed with Escape.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Shift+?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    assert.match(await help.innerText(), /reply/i);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });

    // Severity: one click opens the choices, one click corrects it; saved at once.
    await page.getByTestId('severity-badge').click();
    const saved = page.waitForResponse((r) => r.url().endsWith(`/conversations/${first}`) && r.request().method() === 'PATCH');
    await page.getByRole('menuitem', { name: 'Complaint' }).click();
    assert.equal((await saved).status(), 200);
    await page.getByTestId('severity-badge').filter({ hasText: 'Complaint' }).waitFor();
    assert.equal((await relais.api(relais.admin, 'GET', `/conversations/${first}`)).severity, 'complaint');

    // e: resolved.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('e');
    await page.getByTestId('status-select').and(page.locator('[value="Resolved"]')).waitFor();
    assert.equal((await relais.api(relais.admin, 'GET', `/conversations/${first}`)).status, 'resolved');
    await page.context().close();
  });

  it('says clearly when the connection is lost, keeps the half-written reply, and resumes', async () => {
    const id = await relais.customerPosts('Le guichet de Menton est-il ouvert le lundi ?', { sender: 'Noa Offline' });
    const page = await agentPage(`/inbox/${id}`);
    await page.getByTestId('message-body').filter({ hasText: 'guichet de Menton' }).waitFor();
    await page.getByTestId('composer-input').fill('Oui, de 8 h à 18 h');
    await page.context().setOffline(true);
    const banner = page.getByTestId('connection-lost');
    await banner.waitFor();
    assert.match(await banner.innerText(), /Connection lost/);
    assert.equal(await page.getByTestId('composer-input').inputValue(), 'Oui, de 8 h à 18 h');
    await page.context().setOffline(false);
    await banner.waitFor({ state: 'detached' });
    const sent = page.waitForResponse((r) => r.url().endsWith(`/conversations/${id}/messages`) && r.request().method() === 'POST');
    await page.getByTestId('composer-send').click();
    assert.equal((await sent).status(), 201);
    await page.getByTestId('message-body').filter({ hasText: 'Oui, de 8 h à 18 h' }).waitFor();
    await page.context().close();
  });

  it("shows the server's refusal next to the field it concerns, and a new chat channel's embed snippet", async () => {
    const page = await agentPage('/admin/channels');
    await page.getByTestId('add-channel').click();
    const dialog = page.getByRole('dialog', { name: 'Connect a channel' });
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.getByText('Give the channel a name').waitFor();

    // An API channel needs a webhook URL: the browser cannot know, the server says so, next to the settings.
    await dialog.getByTestId('channel-type').click();
    await page.getByRole('option', { name: 'API' }).click();
    await dialog.getByTestId('channel-name').fill('Partner API');
    await dialog.getByTestId('channel-settings').fill('{"timeoutMs": 5000}');
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/channels') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Create' }).click();
    assert.equal((await refused).status(), 422);
    const settingsField = dialog.getByTestId('channel-settings');
    // The response arrives before React renders the error: wait for the field to point at it.
    await page.waitForFunction(() => document.querySelector('[data-testid="channel-settings"]')?.getAttribute('aria-describedby')?.includes('error'));
    const describedBy = (await settingsField.getAttribute('aria-describedby')) ?? '';
    const errorId = describedBy.split(' ').find((x) => x.includes('error'));
    assert.ok(errorId, 'the settings field points at its error');
    assert.match(await page.locator(`#${errorId}`).innerText(), /webhookUrl/);

    await dialog.getByTestId('channel-type').click();
    await page.getByRole('option', { name: 'Chat' }).click();
    await dialog.getByTestId('channel-name').fill('Chat du site');
    await dialog.getByTestId('channel-settings').fill('');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('channel-row').filter({ hasText: 'Chat du site' }).click();
    const snippet = await page.getByTestId('embed-snippet').innerText();
    assert.match(snippet, new RegExp(`^<script src="${relais.url}/hooks/chat/[0-9a-f]{32}/widget\\.js" async></script>$`));
    assert.match(await page.getByTestId('webhook-url').innerText(), new RegExp(`^${relais.url}/hooks/chat/`));
    await page.context().close();
  });
});
