// Reads labeled examples for training and evaluation: CSV with the header `text,label`, or the CLINC150 JSON format.
// Every problem names its line, so an operator can fix the file.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { IntentExample } from './intent/intent-model.ts';

export class ExamplesFileError extends Error {}

export function readLabeledCsv(path: string): { examples: IntentExample[]; warnings: string[] } {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ExamplesFileError(`${path}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let rows: { record: string[]; line: number }[];
  try {
    rows = (parse(content, { bom: true, skip_empty_lines: true, relax_column_count: true, info: true, trim: false }) as unknown as { record: string[]; info: { lines: number } }[])
      .map((r) => ({ record: r.record, line: r.info.lines }));
  } catch (err) {
    throw new ExamplesFileError(`${path}: ${(err as Error).message}`);
  }
  const [header, ...data] = rows;
  const columns = header?.record.map((c) => c.trim().toLowerCase()) ?? [];
  const textAt = columns.indexOf('text');
  const labelAt = columns.indexOf('label');
  if (textAt < 0 || labelAt < 0) throw new ExamplesFileError(`${path}: line 1: the header must name the columns text,label`);
  const examples: IntentExample[] = [];
  const warnings: string[] = [];
  for (const { record, line } of data) {
    const text = record[textAt]?.trim() ?? '';
    const label = record[labelAt]?.trim() ?? '';
    if (record.length !== columns.length) warnings.push(`${path}: line ${line}: expected ${columns.length} fields, found ${record.length}; skipped`);
    else if (!text) warnings.push(`${path}: line ${line}: empty text; skipped`);
    else if (!label) warnings.push(`${path}: line ${line}: empty label; skipped`);
    else if (label.length > 100) warnings.push(`${path}: line ${line}: label longer than 100 characters; skipped`);
    else examples.push({ text, label });
  }
  if (examples.length === 0) throw new ExamplesFileError(`${path}: no usable example${warnings[0] ? ` (${warnings[0]})` : ''}`);
  return { examples, warnings };
}

const clincSchema = z.object({
  train: z.array(z.tuple([z.string(), z.string()])),
  val: z.array(z.tuple([z.string(), z.string()])),
  test: z.array(z.tuple([z.string(), z.string()])),
  oos_train: z.array(z.tuple([z.string(), z.string()])).default([]),
  oos_val: z.array(z.tuple([z.string(), z.string()])).default([]),
  oos_test: z.array(z.tuple([z.string(), z.string()])).default([]),
});

export type ClincSplits = { train: IntentExample[]; validation: IntentExample[]; test: IntentExample[] };

/** CLINC150's data_full.json: train + oos_train to learn, val + oos_val to tune, test + oos_test to evaluate. */
export function readClinc(path: string): ClincSplits {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ExamplesFileError(`${path}: not a readable JSON file (${(err as Error).message})`);
  }
  const parsed = clincSchema.safeParse(raw);
  if (!parsed.success) throw new ExamplesFileError(`${path}: not in the CLINC150 format (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`);
  const toExamples = (rows: [string, string][]) => rows.map(([text, label]) => ({ text, label }));
  const d = parsed.data;
  return {
    train: toExamples([...d.train, ...d.oos_train]),
    validation: toExamples([...d.val, ...d.oos_val]),
    test: toExamples([...d.test, ...d.oos_test]),
  };
}
