// The reports API over a hand-built dataset: every expected number below is worked out by hand from the
// conversations listed in `before`, in the comments next to it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createChannel, createTeam } from '../organizations/organizations.service.ts';
import { updateOrgSettings } from '../organizations/org-settings.ts';
import { bearer, json, startTestServer, type Tenant, type TestServer } from '../testing/test-server.ts';
import { HOUR, MIN, addConversation, at } from './reports-test-kit.ts';

const RANGE = 'from=2025-03-01&to=2025-03-03'; // days 1, 2 and 3 of March (UTC): [03-01T00:00Z, 03-04T00:00Z)
const DAY1 = '2025-03-01T00:00:00.000Z';
const DAY2 = '2025-03-02T00:00:00.000Z';
const DAY3 = '2025-03-03T00:00:00.000Z';

describe('reports API', () => {
  let server: TestServer;
  let a: Tenant;
  let emailChannelId: string;
  let expertsTeamId: string;
  const get = (url: string, token = a.adminToken, headers: Record<string, string> = {}) =>
    server.app.inject({ method: 'GET', url, headers: { ...bearer(token), ...headers } });

  before(async () => {
    server = await startTestServer();
    const { db } = server.database;
    a = await server.createTenant('reports');
    await updateOrgSettings(db, a.orgId, { sla: { timezone: 'UTC' } });
    const chat = a.channelId;
    emailChannelId = (await createChannel(db, a.orgId, { type: 'email', name: 'Support' })).id;
    const email = emailChannelId;
    expertsTeamId = (await createTeam(db, a.orgId, { name: 'Communauté', level: 2 })).id;
    const add = (spec: Parameters<typeof addConversation>[2]) => addConversation(db, a.orgId, spec);
    const d1 = (h: number) => at('2025-03-01T10:00:00.000Z', h * HOUR);
    const d3 = (h: number) => at('2025-03-03T10:00:00.000Z', h * HOUR);

    // A1 chat, answered by the bot alone, resolved: level 1, deflected.
    await add({ channelId: chat, createdAt: d1(0), level: 1, intent: 'horaires', replies: [{ kind: 'bot', afterMs: MIN }],
      resolvedAfterMs: 10 * MIN, firstResponseDueAfterMs: 2 * MIN, resolutionDueAfterMs: 60 * MIN });
    // A2 chat, bot then an expert, but the customer said the automatic answer solved it: level 1, not deflected.
    await add({ channelId: chat, createdAt: d1(1), level: 1, intent: 'horaires', language: 'en',
      replies: [{ kind: 'bot', afterMs: 30_000 }, { kind: 'expert', afterMs: 2 * MIN }], saidSolved: true,
      resolvedAfterMs: 5 * MIN, firstResponseDueAfterMs: 2 * MIN, resolutionDueAfterMs: 60 * MIN });
    // A3 chat, bot then expert: level 2.
    await add({ channelId: chat, createdAt: d1(2), level: 2, intent: 'velo', teamId: expertsTeamId,
      replies: [{ kind: 'bot', afterMs: MIN }, { kind: 'expert', afterMs: 5 * MIN }],
      resolvedAfterMs: 30 * MIN, firstResponseDueAfterMs: 2 * MIN, resolutionDueAfterMs: 60 * MIN });
    // A4 email, complaint, an expert then an agent: level 3, on time.
    await add({ channelId: email, createdAt: d1(3), level: 3, severity: 'complaint', intent: 'remboursement',
      replies: [{ kind: 'expert', afterMs: 2 * HOUR }, { kind: 'agent', afterMs: 5 * HOUR }],
      resolvedAfterMs: 6 * HOUR, firstResponseDueAfterMs: 24 * HOUR, resolutionDueAfterMs: 72 * HOUR });
    // A5 email, angry, first answer after 30 h (due 24 h), resolved after 56 h (due 48 h), on day 3: level 3.
    await add({ channelId: email, createdAt: d1(4), level: 3, severity: 'angry', intent: 'remboursement',
      replies: [{ kind: 'agent', afterMs: 30 * HOUR }],
      resolvedAfterMs: 56 * HOUR, firstResponseDueAfterMs: 24 * HOUR, resolutionDueAfterMs: 48 * HOUR });
    // A6 chat, crisis, no intent, never answered, flagged by the SLA sweeper.
    await add({ channelId: chat, createdAt: d3(0), level: 3, severity: 'crisis', intent: null,
      firstResponseDueAfterMs: 15 * MIN, resolutionDueAfterMs: 4 * HOUR, slaBreached: true });
    // A7 chat, expert answers after 3 min (due 2): level 2, no language.
    await add({ channelId: chat, createdAt: d3(1), level: 2, intent: 'velo', language: null, teamId: expertsTeamId,
      replies: [{ kind: 'expert', afterMs: 3 * MIN }],
      resolvedAfterMs: 20 * MIN, firstResponseDueAfterMs: 2 * MIN, resolutionDueAfterMs: 60 * MIN });
    // A8 email, bot answered, the customer asked for a person (now level 2), still open; resolution due far ahead; flagged.
    await add({ channelId: email, createdAt: d3(2), level: 2, intent: 'horaires', replies: [{ kind: 'bot', afterMs: 2 * MIN }],
      firstResponseDueAfterMs: 24 * HOUR, resolutionDueAt: new Date('2099-01-01T00:00:00.000Z'), slaBreached: true });
    // A14 chat, level 2, closed an hour later without any reply; no resolution target.
    await add({ channelId: chat, createdAt: at('2025-03-03T05:00:00.000Z'), level: 2, intent: 'velo',
      resolvedAfterMs: HOUR, firstResponseDueAfterMs: 2 * MIN });
    // Before the range: A9 (created 02-27, resolved in range by an agent on 03-01 12:00), A10, A11 (previous period).
    await add({ channelId: chat, createdAt: at('2025-02-27T12:00:00.000Z'), level: 3, intent: 'horaires',
      replies: [{ kind: 'agent', afterMs: 2 * 24 * HOUR - HOUR }], resolvedAfterMs: 2 * 24 * HOUR });
    await add({ channelId: chat, createdAt: at('2025-02-27T08:00:00.000Z'), level: 2, intent: 'velo' });
    await add({ channelId: chat, createdAt: at('2025-02-26T12:00:00.000Z'), level: 2, intent: 'velo' });
    // Outside both periods: A13 before the previous one, A12 exactly at the (exclusive) end.
    await add({ channelId: chat, createdAt: at('2025-02-25T23:00:00.000Z'), level: 1, intent: 'velo' });
    await add({ channelId: chat, createdAt: at('2025-03-04T00:00:00.000Z'), level: 1, intent: 'horaires' });

    // Another brand, same days: never counted for A.
    const b = await server.createTenant('other');
    for (const h of [0, 1, 2]) {
      await addConversation(db, b.orgId, { channelId: b.channelId, createdAt: d1(h), level: 1, intent: 'horaires',
        replies: [{ kind: 'bot', afterMs: MIN }], resolvedAfterMs: 2 * MIN, saidSolved: true, firstResponseDueAfterMs: MIN });
    }
  });
  after(() => server.close());

  describe('volumes', () => {
    it('counts conversations received per day and intent, fills empty days with zeros, folds the rest into _other', async () => {
      const res = await get(`/api/reports/volumes?${RANGE}&groupBy=intent&top=2`);
      assert.equal(res.statusCode, 200, res.body);
      const body = json(res);
      assert.equal(body.from, '2025-03-01T00:00:00.000Z');
      assert.equal(body.to, '2025-03-04T00:00:00.000Z');
      assert.equal(body.interval, 'day');
      assert.equal(body.timezone, 'UTC');
      // horaires A1 A2 A8 = 3, velo A3 A7 A14 = 3 (tie: by name), then remboursement 2 + no intent 1 = other 3.
      assert.deepEqual(body.groups, [
        { key: 'horaires', label: 'horaires', total: 3 }, { key: 'velo', label: 'velo', total: 3 }, { key: '_other', label: 'other', total: 3 },
      ]);
      assert.equal(body.total, 9);
      assert.deepEqual(body.series, [
        { bucket: DAY1, total: 5, counts: { horaires: 2, velo: 1, _other: 2 } },
        { bucket: DAY2, total: 0, counts: { horaires: 0, velo: 0, _other: 0 } },
        { bucket: DAY3, total: 4, counts: { horaires: 1, velo: 2, _other: 1 } },
      ]);
    });

    it('groups by severity and level with every value present, and by channel type and language', async () => {
      const totals = async (q: string) => Object.fromEntries(json(await get(`/api/reports/volumes?${RANGE}&${q}`)).groups.map((g: any) => [g.key, g.total]));
      assert.deepEqual(await totals('groupBy=severity'), { normal: 6, complaint: 1, angry: 1, abusive: 0, crisis: 1 });
      assert.deepEqual(await totals('groupBy=level'), { 1: 2, 2: 4, 3: 3 });
      assert.deepEqual(await totals('groupBy=channelType'), { chat: 6, email: 3 });
      assert.deepEqual(await totals('groupBy=language'), { fr: 7, en: 1, _none: 1 });
      const byChannel = json(await get(`/api/reports/volumes?${RANGE}&groupBy=channel`)).groups;
      assert.deepEqual(byChannel.map((g: any) => [g.key, g.label, g.total]), [[a.channelId, 'Chat', 6], [emailChannelId, 'Support', 3]]);
    });

    it('applies the filters', async () => {
      const totals = async (q: string) => Object.fromEntries(json(await get(`/api/reports/volumes?${RANGE}&${q}`)).groups.map((g: any) => [g.key, g.total]));
      assert.deepEqual(await totals('groupBy=level&channelType=email'), { 1: 0, 2: 1, 3: 2 });
      assert.deepEqual(await totals(`groupBy=level&channelId=${emailChannelId}`), { 1: 0, 2: 1, 3: 2 });
      assert.deepEqual(await totals(`groupBy=level&teamId=${expertsTeamId}`), { 1: 0, 2: 2, 3: 0 });
      assert.deepEqual(await totals('groupBy=intent&language=en'), { horaires: 1 });
      assert.deepEqual(await totals('groupBy=intent&severity=crisis'), { _none: 1 });
      assert.deepEqual(await totals('groupBy=severity&level=3'), { normal: 0, complaint: 1, angry: 1, abusive: 0, crisis: 1 });
    });

    it('buckets by hour, week and month on request', async () => {
      const hourly = json(await get(`/api/reports/volumes?from=2025-03-01T10:00:00Z&to=2025-03-01T13:00:00Z&interval=hour`));
      // A1 10:00, A2 11:00, A3 12:00 (A9 was created before, not received here).
      assert.deepEqual(hourly.series.map((s: any) => [s.bucket, s.total]), [
        ['2025-03-01T10:00:00.000Z', 1], ['2025-03-01T11:00:00.000Z', 1], ['2025-03-01T12:00:00.000Z', 1],
      ]);
      const monthly = json(await get(`/api/reports/volumes?from=2025-02-01&to=2025-03-31&interval=month`));
      // February: A9, A10, A11, A13 = 4; March: the 9 of the range + A12 (03-04) = 10.
      assert.deepEqual(monthly.series.map((s: any) => [s.bucket, s.total]), [['2025-02-01T00:00:00.000Z', 4], ['2025-03-01T00:00:00.000Z', 10]]);
      const weekly = json(await get(`/api/reports/volumes?from=2025-02-24&to=2025-03-09&interval=week`));
      // ISO weeks from Monday 02-24 and Monday 03-03: A13 A11 A10 A9 A1..A5 = 9; A14 A6 A7 A8 A12 = 5.
      assert.deepEqual(weekly.series.map((s: any) => [s.bucket, s.total]), [['2025-02-24T00:00:00.000Z', 9], ['2025-03-03T00:00:00.000Z', 5]]);
    });
  });

  describe('pyramid', () => {
    it('splits conversations resolved in the range by level, and rates automatic answers among those received', async () => {
      const res = await get(`/api/reports/pyramid?${RANGE}`);
      assert.equal(res.statusCode, 200, res.body);
      const body = json(res);
      // Resolved in range: A1 A2 (level 1), A3 A7 A14 (level 2; A14 by its level, no reply), A4 A5 A9 (level 3).
      // Received: 9; bot answered A1 A2 A3 A8 = 4; deflected (bot, no person, still level 1): A1 only.
      assert.deepEqual(body.totals, {
        resolved: 8, level1: 2, level2: 3, level3: 3, level1Share: 0.25, level2Share: 0.375, level3Share: 0.375, withoutReply: 1,
        received: 9, autoAnswered: 4, autoAnswerRate: 0.4444, deflected: 1, deflectionRate: 0.1111,
      });
      assert.deepEqual(body.series.map((s: any) => [s.bucket, s.resolved, s.level1, s.level2, s.level3, s.received, s.autoAnswered, s.deflected]), [
        [DAY1, 5, 2, 1, 2, 5, 3, 1], // resolved A1 A2 A3 A4 A9; received A1..A5
        [DAY2, 0, 0, 0, 0, 0, 0, 0],
        [DAY3, 3, 0, 2, 1, 4, 1, 0], // resolved A5 A7 A14; received A6 A7 A8 A14
      ]);
      assert.equal(body.series[1].level1Share, null);
    });

    it('counts the solved answer only where the customer said so, and applies filters', async () => {
      const email = json(await get(`/api/reports/pyramid?${RANGE}&channelType=email`)).totals;
      // Email: resolved A4 A5 (level 3); received A4 A5 A8, A8 answered by the bot.
      assert.deepEqual([email.resolved, email.level3, email.received, email.autoAnswered, email.autoAnswerRate], [2, 2, 3, 1, 0.3333]);
      const english = json(await get(`/api/reports/pyramid?${RANGE}&language=en`)).totals;
      // A2 alone: an expert replied last, but the customer said the automatic answer solved it.
      assert.deepEqual([english.resolved, english.level1, english.level2], [1, 1, 0]);
    });
  });

  describe('response times', () => {
    it('gives medians, p90s and targets overall and per channel type', async () => {
      const res = await get(`/api/reports/response-times?${RANGE}`);
      assert.equal(res.statusCode, 200, res.body);
      const body = json(res);
      // First responses (s): A2 30, A1 60, A3 60, A8 120, A7 180, A4 7200, A5 108000. Median = 4th = 120;
      // p90 at position 0.9 * 6 = 5.4: 7200 + 0.4 * (108000 - 7200) = 47520.
      // Targets: met A1 A2 A3 A4 A8; breached A5 (late) A7 (late) A6 A14 (missing past due).
      // Resolutions (s): A2 300, A1 600, A7 1200, A3 1800, A14 3600, A4 21600, A5 201600. Median 1800;
      // p90: 21600 + 0.4 * (201600 - 21600) = 93600. Targets: met A1 A2 A3 A4 A7; breached A5 (late) A6 (overdue);
      // pending A8 (due 2099); A14 has none. Breached overall: A5 A6 A7 A14, and A8 flagged by the sweeper.
      assert.deepEqual(body.overall, {
        received: 9,
        firstResponse: { answered: 7, medianSeconds: 120, p90Seconds: 47520, withTarget: 9, met: 5, breached: 4, pending: 0, metShare: 0.5556 },
        resolution: { resolved: 7, medianSeconds: 1800, p90Seconds: 93600, withTarget: 8, met: 5, breached: 2, pending: 1, metShare: 0.7143 },
        breached: 5,
      });
      const [email, chat] = body.byChannelType; // in the channel types' order
      assert.equal(chat.channelType, 'chat');
      // Chat: first responses 30 60 60 180: median 60, p90 60 + 0.7 * 120 = 144; resolutions 300 600 1200 1800 3600: median 1200, p90 1800 + 0.6 * 1800 = 2880.
      assert.deepEqual(chat.firstResponse, { answered: 4, medianSeconds: 60, p90Seconds: 144, withTarget: 6, met: 3, breached: 3, pending: 0, metShare: 0.5 });
      assert.deepEqual(chat.resolution, { resolved: 5, medianSeconds: 1200, p90Seconds: 2880, withTarget: 5, met: 4, breached: 1, pending: 0, metShare: 0.8 });
      assert.equal(chat.breached, 3);
      assert.equal(email.channelType, 'email');
      // Email: 120 7200 108000: median 7200, p90 7200 + 0.8 * 100800 = 87840; resolutions 21600 201600: median 111600, p90 183600.
      assert.deepEqual(email.firstResponse, { answered: 3, medianSeconds: 7200, p90Seconds: 87840, withTarget: 3, met: 2, breached: 1, pending: 0, metShare: 0.6667 });
      assert.deepEqual(email.resolution, { resolved: 2, medianSeconds: 111600, p90Seconds: 183600, withTarget: 3, met: 1, breached: 1, pending: 1, metShare: 0.5 });
      assert.equal(email.breached, 2);
      assert.equal(body.byChannelType.length, 2);
      // Per day of arrival: day 1 holds A1..A5 (first responses 30 60 60 7200 108000: median 60);
      // day 3 holds A6 A7 A8 A14, two answered (180, 120): median 150.
      assert.deepEqual(body.series.map((s: any) => [s.bucket, s.received, s.firstResponse.medianSeconds]), [[DAY1, 5, 60], [DAY2, 0, null], [DAY3, 4, 150]]);
    });

    it('applies filters', async () => {
      const crisis = json(await get(`/api/reports/response-times?${RANGE}&severity=crisis`)).overall;
      assert.deepEqual([crisis.received, crisis.firstResponse.answered, crisis.firstResponse.medianSeconds, crisis.firstResponse.breached, crisis.breached], [1, 0, null, 1, 1]);
    });
  });

  describe('drivers', () => {
    it('ranks intents, compares with the period just before, and gives each its severity mix', async () => {
      const res = await get(`/api/reports/drivers?${RANGE}`);
      assert.equal(res.statusCode, 200, res.body);
      const body = json(res);
      // Previous period: [02-26, 03-01): A9 horaires, A10 velo, A11 velo. A13 (02-25) and A12 (03-04) are outside.
      assert.equal(body.previousFrom, '2025-02-26T00:00:00.000Z');
      assert.equal(body.previousTo, '2025-03-01T00:00:00.000Z');
      assert.deepEqual([body.total, body.previousTotal, body.unclassified], [9, 3, 1]);
      const none = { normal: 0, complaint: 0, angry: 0, abusive: 0, crisis: 0 };
      assert.deepEqual(body.rows, [
        { intent: 'horaires', count: 3, share: 0.3333, previousCount: 1, change: 2, changeRatio: 2, severities: { ...none, normal: 3 } },
        { intent: 'velo', count: 3, share: 0.3333, previousCount: 2, change: 1, changeRatio: 0.5, severities: { ...none, normal: 3 } },
        { intent: 'remboursement', count: 2, share: 0.2222, previousCount: 0, change: 2, changeRatio: null, severities: { ...none, complaint: 1, angry: 1 } },
      ]);
      const top1 = json(await get(`/api/reports/drivers?${RANGE}&limit=1`));
      assert.deepEqual(top1.rows.map((r: any) => r.intent), ['horaires']);
    });
  });

  describe('CSV export', () => {
    it('sends the same data as a download, with ?format=csv or Accept: text/csv', async () => {
      const res = await get(`/api/reports/volumes?${RANGE}&groupBy=intent&top=2&format=csv`);
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/csv/);
      assert.equal(res.headers['content-disposition'], 'attachment; filename="relais-volumes-2025-03-01-2025-03-04.csv"');
      assert.equal(res.body, [
        'bucket,horaires,velo,other,total', `${DAY1},2,1,2,5`, `${DAY2},0,0,0,0`, `${DAY3},1,2,1,4`, '',
      ].join('\r\n'));
      const viaAccept = await get(`/api/reports/drivers?${RANGE}`, a.adminToken, { accept: 'text/csv' });
      assert.match(String(viaAccept.headers['content-type']), /^text\/csv/);
      assert.deepEqual(viaAccept.body.split('\r\n').slice(0, 2), [
        'intent,count,share,previousCount,change,changeRatio,normal,complaint,angry,abusive,crisis', 'horaires,3,0.3333,1,2,2,3,0,0,0,0',
      ]);
      const pyramid = (await get(`/api/reports/pyramid?${RANGE}&format=csv`)).body.split('\r\n');
      assert.equal(pyramid.length, 6); // header, 3 days, total, final empty line
      assert.equal(pyramid[4], 'total,8,2,3,3,0.25,0.375,0.375,1,9,4,0.4444,1,0.1111');
      const times = (await get(`/api/reports/response-times?${RANGE}&format=csv`)).body.split('\r\n');
      assert.equal(times[6], 'all,all,9,7,120,47520,9,5,4,0,0.5556,7,1800,93600,8,5,2,1,0.7143,5');
      assert.equal(times.length, 8); // header, 3 days, 2 channel types, overall, final empty line
    });

    it('quotes and defuses cells a spreadsheet would run as formulas', async () => {
      const { db } = server.database;
      const c = await server.createTenant('csv');
      await updateOrgSettings(db, c.orgId, { sla: { timezone: 'UTC' } });
      const evil = (await createChannel(db, c.orgId, { type: 'email', name: '=HYPERLINK("http://x.test","clic"), vite' })).id;
      await addConversation(db, c.orgId, { channelId: evil, createdAt: at('2025-03-01T10:00:00.000Z'), level: 1, intent: '@SUM(1+1)' });
      const byChannel = (await get(`/api/reports/volumes?${RANGE}&groupBy=channel&format=csv`, c.adminToken)).body.split('\r\n');
      assert.equal(byChannel[0], 'bucket,"\'=HYPERLINK(""http://x.test"",""clic""), vite",total');
      const drivers = (await get(`/api/reports/drivers?${RANGE}&format=csv`, c.adminToken)).body.split('\r\n');
      assert.equal(drivers[1], "'@SUM(1+1),1,1,0,1,,1,0,0,0,0");
    });
  });

  describe('ranges, permissions and tenancy', () => {
    it('answers 400 for an empty, inverted or too long range, and for too many buckets; 422 for a malformed date', async () => {
      for (const q of ['from=2025-03-05&to=2025-03-01', 'from=2025-03-01T10:00:00Z&to=2025-03-01T10:00:00Z', 'from=2022-01-01&to=2025-01-01', 'from=2025-01-01&to=2025-03-01&interval=hour']) {
        const res = await get(`/api/reports/volumes?${q}`);
        assert.equal(res.statusCode, 400, q);
        assert.equal(json(res).error.code, 'bad_request');
      }
      const malformed = await get('/api/reports/pyramid?from=yesterday');
      assert.equal(malformed.statusCode, 422);
      assert.equal((await get('/api/reports/volumes?groupBy=mood')).statusCode, 422);
    });

    it('defaults to the last 30 days by day', async () => {
      const body = json(await get('/api/reports/volumes'));
      assert.equal(body.interval, 'day');
      assert.equal(body.series.length, 30);
      assert.ok(Math.abs(new Date(body.to).getTime() - Date.now()) < 60_000);
      assert.equal(body.series[0].bucket, body.from);
    });

    it('lets the core team in and keeps experts, provider agents and strangers out', async () => {
      for (const role of ['supervisor', 'agent'] as const) {
        assert.equal((await get(`/api/reports/pyramid?${RANGE}`, (await a.addUser(role)).token)).statusCode, 200, role);
      }
      for (const role of ['expert', 'provider_agent'] as const) {
        const token = (await a.addUser(role)).token;
        for (const report of ['volumes', 'pyramid', 'response-times', 'drivers']) {
          const res = await get(`/api/reports/${report}?${RANGE}`, token);
          assert.equal(res.statusCode, 403, `${role} ${report}`);
          assert.equal(json(res).error.code, 'forbidden');
        }
      }
      assert.equal((await server.app.inject({ method: 'GET', url: '/api/reports/drivers' })).statusCode, 401);
    });

    it("never counts another brand's conversations, even when filtering on its channel", async () => {
      const b = await server.createTenant('spy');
      await updateOrgSettings(server.database.db, b.orgId, { sla: { timezone: 'UTC' } });
      const nothing = json(await get(`/api/reports/pyramid?${RANGE}`, b.adminToken)).totals;
      assert.deepEqual([nothing.resolved, nothing.received], [0, 0]);
      const viaForeignChannel = json(await get(`/api/reports/volumes?${RANGE}&channelId=${a.channelId}`, b.adminToken));
      assert.equal(viaForeignChannel.total, 0);
    });
  });

  describe('time zones', () => {
    it("cuts days at the organization's midnight, across a daylight-saving change", async () => {
      const { db } = server.database;
      const p = await server.createTenant('paris'); // default zone Europe/Paris
      // 23:30 UTC on 03-29 is 00:30 on 03-30 in Paris; 22:30 UTC on 03-30 is 00:30 on 03-31 (summer time).
      await addConversation(db, p.orgId, { channelId: p.channelId, createdAt: at('2025-03-29T23:30:00Z'), level: 1 });
      await addConversation(db, p.orgId, { channelId: p.channelId, createdAt: at('2025-03-30T22:30:00Z'), level: 1 });
      const body = json(await get('/api/reports/volumes?from=2025-03-29&to=2025-03-31', p.adminToken));
      assert.equal(body.timezone, 'Europe/Paris');
      assert.equal(body.from, '2025-03-28T23:00:00.000Z');
      assert.equal(body.to, '2025-03-31T22:00:00.000Z');
      assert.deepEqual(body.series.map((s: any) => [s.bucket, s.total]), [
        ['2025-03-28T23:00:00.000Z', 0], ['2025-03-29T23:00:00.000Z', 1], ['2025-03-30T22:00:00.000Z', 1],
      ]);
    });
  });
});
