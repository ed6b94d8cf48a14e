// A customer on the brand's site writes in the chat widget (one browser context); an agent sees it arrive in
// the inbox without reloading and answers; the customer sees the answer live (another context).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { customerSays, launchBrowser, newContext, signIn, startBrandSite, startRelais, watchErrors, type Relais } from './browser-kit.ts';

describe('browser: live chat between a customer and an agent', () => {
  let relais: Relais;
  let browser: Browser;
  let site: Awaited<ReturnType<typeof startBrandSite>>;
  before(async () => {
    [relais, browser] = await Promise.all([startRelais(), launchBrowser()]);
    site = await startBrandSite(relais.chat.snippet);
  });
  after(async () => {
    await site?.close();
    await browser?.close();
    await relais?.stop();
  });

  it('shows the customer message live in the inbox, and the agent reply live in the widget', async () => {
    const agentContext = await newContext(browser, 'en-US');
    const agent = await agentContext.newPage();
    const agentErrors = watchErrors(agent);
    await signIn(agent, relais, relais.admin, '/inbox');
    await agent.getByText('No conversation matches these filters.').waitFor();
    let reloads = 0;
    agent.on('framenavigated', (frame) => { if (frame === agent.mainFrame()) reloads++; });

    const customerContext = await newContext(browser, 'fr-FR');
    const customer = await customerContext.newPage();
    await customer.goto(site.url);
    await customerSays(customer, 'Bonjour, ma carte Zou ne passe plus au portique de Nice');

    // The agent's inbox gets the new conversation over the WebSocket, without a reload.
    const row = agent.getByTestId('inbox-row').first();
    await row.waitFor();
    assert.equal(reloads, 0, 'the desk never reloads');
    await row.click();
    await agent.getByTestId('message-body').filter({ hasText: 'ma carte Zou ne passe plus' }).waitFor();

    await agent.getByTestId('composer-input').fill('Bonjour ! Je vous envoie une nouvelle carte dès aujourd’hui.');
    const sent = agent.waitForResponse((r) => r.url().includes('/messages') && r.request().method() === 'POST');
    await agent.getByTestId('composer-send').click();
    assert.equal((await sent).status(), 201);
    // The response arrives before React re-renders: wait for the emptied composer rather than read it at once.
    await agent.waitForFunction(() => (document.querySelector('[data-testid="composer-input"]') as HTMLTextAreaElement | null)?.value === '', undefined, { timeout: 5_000 })
      .catch(() => assert.fail('the composer is emptied once sent'));

    // The customer sees the answer in the widget without doing anything.
    await customer.locator('.msg', { hasText: 'Je vous envoie une nouvelle carte' }).waitFor();

    // And the customer's follow-up reaches the open conversation live.
    await customerSays(customer, 'Merci beaucoup !');
    await agent.getByTestId('message-body').filter({ hasText: 'Merci beaucoup !' }).waitFor();
    assert.deepEqual(agentErrors, []);
    await agentContext.close();
    await customerContext.close();
  });
});
