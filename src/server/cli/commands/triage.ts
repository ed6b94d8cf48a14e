import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CHANNEL_TYPES } from '../../db/schema/index.ts';
import { initLanguageDetector } from '../../triage/signals/detect-language.ts';
import { loadTriageSetup, STANDALONE_SETUP, triageText, type TriageSetup } from '../../triage/triage-for-org.ts';
import { withDatabase } from '../with-database.ts';
import { resolveOrganization } from '../resolve-organization.ts';
import { CliError } from '../cli-error.ts';

type Values = { text?: string; file?: string; org?: string; json?: boolean; channel?: string; public?: boolean };
const lineSchema = z.object({ text: z.string() });

/** `relais triage --text … | --file messages.jsonl [--org SLUG] --json`: one JSON result per message, in order. */
export async function triageCommand(v: Values): Promise<number> {
  if ((v.text === undefined) === (v.file === undefined)) throw new CliError('give exactly one of --text or --file', 2);
  if (v.channel && !(CHANNEL_TYPES as readonly string[]).includes(v.channel)) throw new CliError(`--channel must be one of: ${CHANNEL_TYPES.join(', ')}`, 2);
  const texts = v.text !== undefined ? [{ text: v.text, line: 0 }] : readJsonLines(v.file!);
  await initLanguageDetector().catch(() => false);
  const channel = { type: v.channel ?? 'api', isPublic: Boolean(v.public) };
  const run = async (setup: TriageSetup) => {
    for (const item of texts) {
      const output = 'error' in item
        ? { line: item.line, error: item.error }
        : await triageText({ text: item.text, channel }, setup).then(({ answerBody: _body, ...result }) => result);
      process.stdout.write(v.json ? `${JSON.stringify(output)}\n` : `${describe(output)}\n`);
    }
  };
  if (v.org) await withDatabase(async ({ db }) => run(await loadTriageSetup(db, (await resolveOrganization(db, v.org)).id)));
  else await run(STANDALONE_SETUP);
  return 0;
}

type Item = { text: string; line: number } | { error: string; line: number };

function readJsonLines(path: string): Item[] {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (err) {
    throw new CliError(`${path}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  // A bad line gets an error result in its place, so the output stays aligned with the input.
  return content.split('\n').flatMap((raw, i): Item[] => {
    if (raw.trim() === '') return [];
    try {
      const parsed = lineSchema.safeParse(JSON.parse(raw));
      return [parsed.success ? { text: parsed.data.text, line: i + 1 } : { error: `line ${i + 1}: expected {"text": "…"}`, line: i + 1 }];
    } catch {
      return [{ error: `line ${i + 1}: not valid JSON`, line: i + 1 }];
    }
  });
}

function describe(r: Record<string, unknown>): string {
  if ('error' in r) return `error: ${String(r.error)}`;
  return `${String(r.decision)} (level ${String(r.level)}) language=${String(r.language)} intent=${String(r.intent)} ` +
    `confidence=${Number(r.confidence).toFixed(2)} severity=${String(r.severity)} flags=${(r.flags as string[]).join(',') || '-'}`;
}
