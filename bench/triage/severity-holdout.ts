// Severity on sentences written after the lexicons were frozen, by someone who did not write them
// (bench/triage/severity-holdout.jsonl): exact level, crisis recall and false crises.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { detectSeverity } from '../../src/server/triage/signals/detect-severity.ts';
import { SEVERITIES } from '../../src/server/db/schema/index.ts';

export function benchSeverityHoldout() {
  const path = fileURLToPath(new URL('./severity-holdout.jsonl', import.meta.url));
  const cases = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { text: string; severity: string });
  let exact = 0, withinOne = 0, crisis = 0, crisisFound = 0, falseCrisis = 0;
  const misses: string[] = [];
  for (const c of cases) {
    const got = detectSeverity(c.text).severity;
    if (got === c.severity) exact++;
    else misses.push(`${c.severity} → ${got}: ${c.text}`);
    if (Math.abs(SEVERITIES.indexOf(got) - SEVERITIES.indexOf(c.severity as never)) <= 1) withinOne++;
    if (c.severity === 'crisis') { crisis++; if (got === 'crisis') crisisFound++; } else if (got === 'crisis') falseCrisis++;
  }
  return { cases: cases.length, exact: exact / cases.length, withinOneLevel: withinOne / cases.length, crisisRecall: crisisFound / crisis, falseCrises: falseCrisis, misses };
}
