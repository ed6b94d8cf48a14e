// Scratch exploration on VAL only.
import { readFileSync } from 'node:fs';
import { TfidfVectorizer, DEFAULT_VECTORIZER_OPTIONS } from '../../src/server/triage/intent/tfidf-vectorizer.js';
import { trainSoftmax, linearScores, softmaxInPlace, DEFAULT_SOFTMAX_OPTIONS } from '../../src/server/triage/intent/softmax-regression.js';

const data = JSON.parse(readFileSync('/work/shared/datasets/clinc150/data_full.json', 'utf8'));
const train: [string, string][] = [...data.train, ...data.oos_train];
const val: [string, string][] = [...data.val, ...data.oos_val];
const labels = [...new Set(train.map((e) => e[1]))].sort();
const labelIndex = new Map(labels.map((l, i) => [l, i]));
const oos = labelIndex.get('oos')!;

const cfg = JSON.parse(process.argv[2] ?? '{}');
let t0 = performance.now();
const vec = TfidfVectorizer.fit(train.map((e) => e[0]), { ...DEFAULT_VECTORIZER_OPTIONS, ...cfg.vec });
const X = train.map((e) => vec.transform(e[0]));
const y = Int32Array.from(train.map((e) => labelIndex.get(e[1])!));
console.log('features', vec.size, 'vec s', ((performance.now() - t0) / 1000).toFixed(1));
t0 = performance.now();
const model = trainSoftmax(X, y, vec.size, labels.length, { ...DEFAULT_SOFTMAX_OPTIONS, ...cfg.sm });
console.log('train s', ((performance.now() - t0) / 1000).toFixed(1));

const out = new Float64Array(labels.length);
const trainNorm = X; // already L2 normalized
// inverted index for kNN
const postings: number[][] = Array.from({ length: vec.size }, () => []);
const postVals: number[][] = Array.from({ length: vec.size }, () => []);
X.forEach((x, i) => x.indices.forEach((f, k) => { postings[f]!.push(i); postVals[f]!.push(x.values[k]!); }));
const sims = new Float64Array(X.length);
const rows = val.map(([text, gold]) => {
  const x = vec.transform(text);
  const logits = Float64Array.from(linearScores(model, x, out));
  let lse = 0; const mx = Math.max(...logits); for (const l of logits) lse += Math.exp(l - mx); lse = mx + Math.log(lse);
  const p = softmaxInPlace(linearScores(model, x, out), cfg.T ?? 1);
  let best = 0;
  for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
  let second = 0; for (let c = 0; c < p.length; c++) if (c !== best && p[c]! > second) second = p[c]!;
  sims.fill(0);
  x.indices.forEach((f, k) => { const ps = postings[f]!, pv = postVals[f]!; for (let j = 0; j < ps.length; j++) sims[ps[j]!] += x.values[k]! * pv[j]!; });
  let nn = 0, nnIn = 0, nnLabel = -1, nnSame = 0;
  for (let j = 0; j < sims.length; j++) { if (sims[j]! > nn) { nn = sims[j]!; nnLabel = y[j]!; } if (y[j] !== oos && sims[j]! > nnIn) nnIn = sims[j]!; if (y[j] === best && sims[j]! > nnSame) nnSame = sims[j]!; }
  const scores: Record<string, number> = {
    maxp: p[best]!, margin: p[best]! - second, maxlogit: logits[best]!, energy: lse, nn, nnIn, nnSame,
    prodSame: p[best]! * nnSame, mixSame: 0.5 * p[best]! + 0.5 * nnSame, prod2: Math.sqrt(p[best]!) * nnSame,
  };
  return { gold: labelIndex.get(gold)!, pred: best, scores, isOos: gold === 'oos', nnLabel };
});
const ins = rows.filter((r) => !r.isOos);
const oo = rows.filter((r) => r.isOos);
console.log('raw acc', (ins.filter((r) => r.pred === r.gold).length / ins.length).toFixed(4), 'nn acc', (ins.filter((r) => r.nnLabel === r.gold).length / ins.length).toFixed(4), 'oos pred recall', (oo.filter((r) => r.pred === oos).length / oo.length).toFixed(2));
for (const name of Object.keys(rows[0]!.scores)) {
  const s = (r: any) => (r.pred === oos ? -Infinity : r.scores[name]);
  const ts = [...new Set(rows.map(s))].sort((a, b) => a - b);
  const at = (t: number) => [ins.filter((r) => r.pred === r.gold && s(r) >= t).length / ins.length, oo.filter((r) => s(r) < t).length / oo.length];
  let bal = 0; const res: Record<string, number> = {};
  for (const t of ts) { const [a, r] = at(t); bal = Math.max(bal, (a! + r!) / 2); for (const tg of [0.925, 0.92, 0.915, 0.91]) if (a! >= tg) res[tg] = r!; }
  const a = ins.map(s).sort((x, y) => x - y);
  let auc = 0; for (const v of oo.map(s)) { let lo = 0, hi = a.length; while (lo < hi) { const m = (lo + hi) >> 1; if (a[m]! <= v) lo = m + 1; else hi = m; } auc += (a.length - lo) / a.length; }
  console.log(name.padEnd(9), 'auc', (auc / oo.length).toFixed(4), 'bal', bal.toFixed(4), Object.entries(res).map(([k, v]) => k + ':' + v.toFixed(2)).join(' '));
}
if (cfg.errors) {
  const conf = new Map<string, number>();
  for (const r of ins) if (r.pred !== r.gold) { const k = labels[r.gold] + ' -> ' + labels[r.pred]; conf.set(k, (conf.get(k) ?? 0) + 1); }
  console.log([...conf.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30));
  let shown = 0;
  rows.forEach((r, i) => { if (!r.isOos && r.pred !== r.gold && shown++ < 40) console.log(labels[r.gold], '->', labels[r.pred], '|', val[i]![0]); });
}
