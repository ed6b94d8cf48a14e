// Signing in and out in a real browser: errors next to their field, the session ending while a page is open
// (back to the login page, then back to the same page with the half-written reply still there), sign-out.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { launchBrowser, newContext, signIn, startRelais, watchErrors, type Relais } from './browser-kit.ts';

describe('browser: sign-in and sign-out', () => {
  let relais: Relais;
  let browser: Browser;
  before(async () => {
    [relais, browser] = await Promise.all([startRelais(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await relais?.stop();
  });

  it('validates before sending, shows a wrong password under its field, then signs in to the inbox', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${relais.url}/inbox`);
    await page.waitForURL(/\/login/);
    let requests = 0;
    page.on('request', (r) => { if (r.url().endsWith('/api/auth/login')) requests++; });

    await page.getByLabel(/^Email/).fill('not-an-email');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Enter a valid email address').waitFor();
    await page.getByText('Enter your password').waitFor();
    assert.equal(requests, 0, 'nothing is sent while the form is invalid');

    await page.getByLabel(/^Email/).fill(relais.admin.email);
    await page.getByLabel(/^Password/).fill('wrong-password');
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    assert.equal((await refused).status(), 401);
    const passwordError = page.locator('#' + await page.getByLabel(/^Password/).getAttribute('aria-describedby').then((ids) => ids!.split(' ').find((id) => id.includes('error'))));
    await passwordError.waitFor();
    assert.match(await passwordError.innerText(), /email or password is incorrect/);

    await page.getByLabel(/^Password/).fill(relais.admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/inbox$/);
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('returns to the login page when the session ends, then back to the same page with the half-written reply', async () => {
    const conversationId = await relais.customerPosts('Bonjour, mon train de 8h12 est-il supprimé ?', { sender: 'Sam Client' });
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, relais, relais.admin, `/inbox/${conversationId}?status=open`);
    await page.getByTestId('message-body').filter({ hasText: 'mon train de 8h12' }).waitFor();
    await page.getByTestId('composer-input').fill('Bonjour Sam, je regarde tout de suite');

    // The session ends on the server (it expired, or was revoked elsewhere).
    await relais.server.database.db.execute(sql`DELETE FROM sessions`);

    // The next request the page makes gets a 401: the login page says why, and where it will go back to.
    await page.getByRole('group', { name: 'Views' }).getByText('Crisis', { exact: true }).click();
    await page.waitForURL(/\/login\?/);
    assert.equal(new URL(page.url()).searchParams.get('next'), `/inbox/${conversationId}?severity=crisis`);
    await page.getByText('Your session has ended').waitFor();

    await page.getByLabel(/^Email/).fill(relais.admin.email);
    await page.getByLabel(/^Password/).fill(relais.admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => u.pathname === `/inbox/${conversationId}` && u.search === '?severity=crisis');
    // Nothing written was lost: the draft is back in the composer, even after a reload.
    assert.equal(await page.getByTestId('composer-input').inputValue(), 'Bonjour Sam, je regarde tout de suite');
    await page.reload();
    assert.equal(await page.getByTestId('composer-input').inputValue(), 'Bonjour Sam, je regarde tout de suite');
    await context.close();
  });

  it('signs out: back to the login page, and the desk needs a new sign-in', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, relais, relais.admin, '/inbox');
    await page.getByTestId('user-menu').click();
    const loggedOut = page.waitForResponse((r) => r.url().endsWith('/api/auth/logout'));
    await page.getByTestId('sign-out').click();
    assert.equal((await loggedOut).status(), 204);
    await page.waitForURL(/\/login\?signedOut=1/);
    await page.getByText('You are signed out.').waitFor();
    const me = await page.evaluate(() => fetch('/api/auth/me').then((r) => r.status));
    assert.equal(me, 401, 'the session cookie no longer works');
    await page.goto(`${relais.url}/admin/channels`);
    await page.waitForURL(/\/login\?next=%2Fadmin%2Fchannels$/);
    await context.close();
  });
});
