// The pyramid in a real browser: a provider's reply waits for the brand's approval and reaches the customer
// only once approved; admin forms show the server's refusal next to the field it concerns (a fallback loop, a
// conflicting routing rule); an expert answers then escalates and the core team takes over; the dashboards
// draw their charts and export CSV.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext, signIn, startRelais, watchErrors, WAIT_MS, type Person, type Relais } from './browser-kit.ts';

async function until<T>(what: string, read: () => Promise<T | undefined | null | false>): Promise<T> {
  const end = Date.now() + WAIT_MS;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('browser: the pyramid', () => {
  let relais: Relais;
  let browser: Browser;
  before(async () => {
    [relais, browser] = await Promise.all([startRelais(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await relais?.stop();
  });

  async function pageAs(person: Person, path: string): Promise<Page> {
    const page = await (await newContext(browser)).newPage();
    await signIn(page, relais, person, path);
    return page;
  }

  /** Routing runs in the background after intake: wait for its first decision before moving the conversation. */
  const routed = (id: string) => until('routing', async () => (await relais.api(relais.admin, 'GET', `/conversations/${id}/routing`)).history.length > 0);

  it("holds a provider's commercial gesture for the brand's approval; the customer gets it only once approved", async () => {
    const { teamId } = await relais.addProviderTeam('Acme');
    const provider = await relais.addPerson('provider_agent', 'Paul Provider', { teamId });
    const id = await relais.customerPosts('My parcel arrived three weeks late, I expect something for the trouble', { sender: 'Carla Client' });
    await routed(id);
    await relais.api(relais.admin, 'POST', `/conversations/${id}/reroute`, { teamId, assigneeId: provider.id, note: 'Acme handles deliveries' });

    const providerPage = await pageAs(provider, `/inbox/${id}`);
    const errors = watchErrors(providerPage);
    const reply = 'We are sorry: here is a 20 € voucher for the delay.';
    await providerPage.getByTestId('composer-input').fill(reply);
    await providerPage.getByTestId('composer-action').click();
    await providerPage.getByRole('option', { name: 'Commercial gesture' }).click();
    // Validated before sending: a gesture needs its amount.
    await providerPage.getByTestId('composer-send').click();
    await providerPage.getByText('Give the amount').waitFor();
    await providerPage.getByTestId('composer-amount').fill('20');
    const sent = providerPage.waitForResponse((r) => r.url().endsWith(`/conversations/${id}/messages`) && r.request().method() === 'POST');
    await providerPage.getByTestId('composer-send').click();
    assert.equal((await sent).status(), 202, 'filed for approval, not sent');
    await providerPage.getByTestId('approval-state').filter({ hasText: "Waiting for the brand’s approval" }).waitFor();
    const outbound = async () => (await relais.api(relais.admin, 'GET', `/conversations/${id}/messages`)).items.filter((m: { direction: string }) => m.direction === 'outbound');
    assert.equal((await outbound()).length, 0, 'nothing sent to the customer yet');
    assert.ok(!relais.delivered.some((d) => d.includes('20 € voucher')), 'the customer has not received it');

    const adminPage = await pageAs(relais.admin, '/approvals');
    const card = adminPage.getByTestId('approval-card').filter({ hasText: reply });
    await card.waitFor();
    assert.match(await card.getByTestId('approval-amount').innerText(), /20/);
    await card.getByTestId('approval-approve').click();
    await card.waitFor({ state: 'detached' });

    // The provider's page hears of the decision live; the customer receives the reply.
    await providerPage.getByTestId('approval-state').filter({ hasText: 'Approved and sent' }).waitFor();
    await until('the reply delivered to the customer', async () => relais.delivered.some((d) => d.includes('20 € voucher')));
    assert.equal((await outbound()).length, 1);
    assert.deepEqual(errors, []);
    await providerPage.context().close();
    await adminPage.context().close();
  });

  it('shows a fallback loop next to the fallback field, and a conflicting rule next to its target', async () => {
    const first = await relais.api(relais.admin, 'POST', '/teams', { name: 'Billing', level: 3 });
    await relais.api(relais.admin, 'POST', '/teams', { name: 'Claims', level: 3, fallbackTeamId: first.id });
    const page = await pageAs(relais.admin, '/admin/teams');
    const errors = watchErrors(page);
    await page.getByRole('button', { name: 'Edit Billing' }).click();
    await page.getByTestId('team-fallback').click();
    await page.getByRole('option', { name: 'Claims' }).click();
    await page.getByTestId('team-save').click();
    const fallback = page.getByTestId('team-fallback');
    await page.getByText(/fallback teams go round in a circle: Billing → Claims → Billing/).waitFor();
    assert.equal(await fallback.getAttribute('aria-invalid'), 'true', 'the error belongs to the fallback field');
    await page.keyboard.press('Escape');

    await relais.api(relais.admin, 'POST', '/routing/rules', { name: 'Invoices to the core team', conditions: { intents: ['invoice_copy'] }, action: { target: 'level3' } });
    await page.goto(`${relais.url}/admin/routing`);
    await page.getByTestId('rule-row').first().waitFor();
    await page.getByTestId('add-rule').click();
    await page.getByTestId('rule-name').fill('Invoices to experts');
    await page.getByTestId('rule-intents').fill('invoice_copy');
    await page.keyboard.press('Enter');
    await page.getByTestId('rule-target').click();
    await page.getByRole('option', { name: 'Experts (level 2)' }).click();
    await page.getByTestId('rule-save').click();
    await page.getByText(/have the same conditions but send to different places/).waitFor();
    assert.equal(await page.getByTestId('rule-target').getAttribute('aria-invalid'), 'true', 'the conflict is shown at the rule’s target');
    assert.equal((await relais.api(relais.admin, 'GET', '/routing/rules')).items.length, 1, 'nothing saved');

    // "Test a message" explains where a message would go.
    await page.keyboard.press('Escape');
    await page.getByTestId('simulate-text').fill('Bonjour, pouvez-vous me renvoyer ma facture ?');
    await page.getByTestId('simulate-run').click();
    await page.getByTestId('simulate-result').waitFor();
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('lets an expert answer then escalate, and level 3 take over the same conversation', async (t) => {
    if (!(await relais.hasRoute('/api/conversations/{id}/escalate'))) return t.skip('the experts API is not on this branch yet');
    const community = await relais.api(relais.admin, 'POST', '/teams', { name: 'Community', level: 2 });
    const expert = await relais.addPerson('expert', 'Eve Expert', { teamId: community.id });
    await relais.api(relais.admin, 'PATCH', `/users/${expert.id}`, { topics: [], languages: ['fr', 'en'], capacity: 5 });
    const id = await relais.customerPosts('How do I pair my headphones with two phones?', { sender: 'Hugo Client' });
    await routed(id);
    await relais.api(relais.admin, 'POST', `/conversations/${id}/reroute`, { level: 2, teamId: community.id, assigneeId: expert.id, note: 'A question for the community' });

    const page = await pageAs(expert, '/');
    const errors = watchErrors(page);
    await page.waitForURL(/\/expert/);
    await page.getByTestId('expert-row').first().click();
    await page.getByTestId('composer-input').fill('Hold the button 5 s on each phone, then pair them one after the other.');
    await page.getByTestId('composer-send').click();
    await page.getByTestId('message').filter({ hasText: 'Hold the button 5 s' }).waitFor();
    await page.getByTestId('escalate').click();
    await page.getByTestId('escalate-note-submit').click();
    await page.getByText('Write a note first').waitFor();
    await page.getByTestId('escalate-note').fill('He also asks for a refund: not mine to decide.');
    await page.getByTestId('escalate-note-submit').click();
    await until('the escalation', async () => (await relais.api(relais.admin, 'GET', `/conversations/${id}`)).level === 3);

    const core = await pageAs(relais.admin, `/inbox/${id}`);
    await core.getByTestId('routing-history').getByText('Escalated').waitFor();
    await core.getByTestId('takeover').click();
    await until('the takeover', async () => (await relais.api(relais.admin, 'GET', `/conversations/${id}`)).assigneeId === relais.admin.id);
    // The customer's conversation is continuous: the same thread, the expert's answer in it.
    await core.getByTestId('message').filter({ hasText: 'Hold the button 5 s' }).waitFor();
    await core.getByTestId('composer-input').fill('I have refunded you. Thank you for your patience.');
    await core.getByTestId('composer-send').click();
    const thread = (await relais.api(relais.admin, 'GET', `/conversations/${id}/messages`)).items as { direction: string; body: string }[];
    assert.equal(thread.filter((m) => m.direction === 'inbound').length, 1);
    assert.deepEqual(errors, []);
    await page.context().close();
    await core.context().close();
  });

  it('draws the dashboards’ charts and exports each chart’s data as CSV', async (t) => {
    if (!(await relais.hasRoute('/api/reports/volumes'))) return t.skip('the reports API is not on this branch yet');
    await relais.customerPosts('Where is my order?', { sender: 'Dana Client' });
    await relais.customerPosts('Je veux un remboursement', { sender: 'Eric Client' });
    const page = await pageAs(relais.admin, '/dashboards');
    const errors = watchErrors(page);
    for (const chart of ['chart-volumes', 'chart-pyramid', 'chart-response-times']) {
      await page.getByTestId(chart).locator('svg.recharts-surface path').first().waitFor({ state: 'attached' });
    }
    const download = page.waitForEvent('download');
    await page.getByTestId('chart-volumes').getByTestId('csv-export').click();
    const file = await download;
    assert.match(file.suggestedFilename(), /^relais-volumes-.*\.csv$/);
    const csv = await (await file.createReadStream()).toArray();
    assert.match(Buffer.concat(csv).toString('utf8'), /,/);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});
