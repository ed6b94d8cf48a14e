// Per-message cost of reading a message (signals + intent) on one core, against a baseline in the same run:
// the intent model alone. Messages come from the demo topics (French and English, slot-filled).
import { readMessage } from '../../src/server/triage/read-message.ts';
import { initLanguageDetector } from '../../src/server/triage/signals/detect-language.ts';
import { trainIntentModel } from '../../src/server/triage/intent/intent-model.ts';
import { BACKGROUND_LABEL, BACKGROUND_MESSAGES } from '../../src/server/triage/background-messages.ts';
import { loadClinc150 } from '../clinc150/run-clinc150.ts';
import { DEFAULT_CLINC150_PATH } from '../clinc150/run-clinc150.ts';
import { summarize } from '../stats.ts';

export async function benchTriageThroughput(count = 5000) {
  await initLanguageDetector();
  const data = loadClinc150(DEFAULT_CLINC150_PATH);
  // A realistic per-organization model size: 20 intents, 30 examples each, plus the background class.
  const labels = [...new Set(data.train.map((e) => e.label))].slice(0, 20);
  const train = labels.flatMap((l) => data.train.filter((e) => e.label === l).slice(0, 30));
  const model = trainIntentModel([...train, ...BACKGROUND_MESSAGES.map((text) => ({ text, label: BACKGROUND_LABEL }))], { outOfScopeLabel: BACKGROUND_LABEL });
  const texts = data.test.slice(0, count).map((e) => e.text);
  const ctx = { channel: { type: 'chat', isPublic: false }, defaultLanguage: 'fr' as const, reputationFollowers: 1000, model };
  for (const t of texts.slice(0, 200)) readMessage(t, ctx); // warm-up
  const full: number[] = [];
  const intentOnly: number[] = [];
  for (const t of texts) {
    let s = performance.now();
    readMessage(t, ctx);
    full.push(performance.now() - s);
    s = performance.now();
    model.predict(t);
    intentOnly.push(performance.now() - s);
  }
  const total = full.reduce((a, b) => a + b, 0);
  return { messages: texts.length, readMessageMs: summarize(full), baselineIntentOnlyMs: summarize(intentOnly), messagesPerSecondOneCore: Math.round(texts.length / (total / 1000)) };
}
