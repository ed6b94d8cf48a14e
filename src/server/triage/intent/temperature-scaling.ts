// Temperature scaling (Guo et al. 2017): one scalar T dividing the logits, fitted
// on held-out data by minimizing the negative log-likelihood. It makes
// "confidence 0.9" mean roughly "right 9 times out of 10" without changing the argmax.

/** logits[i] are the raw scores of item i; gold[i] its true class index. */
export function fitTemperature(logits: Float64Array[], gold: number[], minT = 0.05, maxT = 20): number {
  if (logits.length === 0) throw new Error('fitTemperature: no held-out examples');
  const nll = (logT: number) => negativeLogLikelihood(logits, gold, Math.exp(logT));
  // The NLL is unimodal in log T in practice: golden-section search is enough.
  let lo = Math.log(minT);
  let hi = Math.log(maxT);
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = hi - ratio * (hi - lo);
  let b = lo + ratio * (hi - lo);
  let fa = nll(a);
  let fb = nll(b);
  for (let iteration = 0; iteration < 60; iteration++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - ratio * (hi - lo);
      fa = nll(a);
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + ratio * (hi - lo);
      fb = nll(b);
    }
  }
  return Math.exp((lo + hi) / 2);
}

export function negativeLogLikelihood(logits: Float64Array[], gold: number[], temperature: number): number {
  let total = 0;
  logits.forEach((scores, i) => {
    let max = -Infinity;
    for (const s of scores) max = Math.max(max, s / temperature);
    let sum = 0;
    for (const s of scores) sum += Math.exp(s / temperature - max);
    total -= scores[gold[i]!]! / temperature - max - Math.log(sum);
  });
  return total / logits.length;
}
