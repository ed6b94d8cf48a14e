import { addIntentExamples } from '../../triage/intent-model-store.ts';
import { ExamplesFileError, readClinc, readLabeledCsv } from '../../triage/labeled-examples-file.ts';
import { evaluateIntentModel } from '../../triage/evaluate-intent-files.ts';
import { trainOrgModel } from '../../triage/train-org-model.ts';
import { withDatabase } from '../with-database.ts';
import { resolveOrganization } from '../resolve-organization.ts';
import { CliError } from '../cli-error.ts';

const fileError = (err: unknown) => (err instanceof ExamplesFileError ? new CliError(err.message) : err);

/** `relais nlu train --file labeled.csv [--org SLUG] [--oos-label oos]`: adds the examples, then retrains. */
export async function nluTrainCommand(v: { file?: string; org?: string; 'oos-label'?: string }): Promise<number> {
  if (!v.file) throw new CliError('--file is required (CSV with the header text,label)', 2);
  let read;
  try {
    read = readLabeledCsv(v.file);
  } catch (err) {
    throw fileError(err);
  }
  for (const w of read.warnings) process.stderr.write(`warning: ${w}\n`);
  const report = await withDatabase(async ({ db }) => {
    const org = await resolveOrganization(db, v.org);
    await addIntentExamples(db, org.id, read.examples);
    return trainOrgModel(db, org.id, { outOfScopeLabel: v['oos-label'] ?? null });
  });
  process.stdout.write(`${JSON.stringify(report)}\n`);
  return 0;
}

type EvaluateValues = { train?: string; test?: string; clinc?: string; 'oos-label'?: string; json?: boolean };

/** `relais nlu evaluate --train train.csv --test test.csv [--oos-label oos] --json`, or `--clinc data_full.json`. */
export async function nluEvaluateCommand(v: EvaluateValues): Promise<number> {
  const oosLabel = v['oos-label'] ?? 'oos';
  let input;
  try {
    if (v.clinc) {
      if (v.train || v.test) throw new CliError('--clinc replaces --train and --test', 2);
      const splits = readClinc(v.clinc);
      input = { train: splits.train, validation: splits.validation, test: splits.test, oosLabel };
    } else {
      if (!v.train || !v.test) throw new CliError('give --train and --test CSV files, or --clinc FILE', 2);
      const train = readLabeledCsv(v.train);
      const test = readLabeledCsv(v.test);
      const known = new Set(train.examples.map((e) => e.label));
      const warnings = [...train.warnings, ...test.warnings];
      // Test labels never seen in training cannot be predicted: say so, and count them as out of scope.
      const unknown = new Map<string, number>();
      test.examples.forEach((e) => { if (!known.has(e.label) && e.label !== oosLabel) unknown.set(e.label, (unknown.get(e.label) ?? 0) + 1); });
      for (const [label, count] of unknown) warnings.push(`${v.test}: label "${label}" (${count} examples) is not in the training file; counted as ${oosLabel}`);
      for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
      input = { train: train.examples, test: test.examples.map((e) => (unknown.has(e.label) ? { ...e, label: oosLabel } : e)), oosLabel };
    }
  } catch (err) {
    throw fileError(err);
  }
  if (new Set(input.train.map((e) => e.label)).size < 2) throw new CliError('the training data needs at least 2 labels');
  const result = evaluateIntentModel(input);
  if (v.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    process.stdout.write(`in-scope accuracy ${pct(result.inScopeAccuracy)}, out-of-scope recall ${pct(result.oosRecall)}, ` +
      `precision ${pct(result.oosPrecision)}, macro F1 ${pct(result.macroF1)}; trained in ${result.trainingSeconds} s, ` +
      `${result.medianMsPerMessage} ms per message (median)\n`);
  }
  return 0;
}
