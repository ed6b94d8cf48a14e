// The `relais` command: parses arguments, runs one command, and turns every failure into one line.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError } from '../config.ts';
import { DatabaseOpenError } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { StartupError } from '../main.ts';
import { CliError } from './cli-error.ts';
import { startCommand } from './commands/start.ts';
import { migrateCommand } from './commands/migrate.ts';
import { seedDemoCommand } from './commands/seed-demo.ts';
import { orgCreateCommand } from './commands/org-create.ts';
import { userCreateCommand } from './commands/user-create.ts';
import { tokenCreateCommand } from './commands/token-create.ts';
import { triageCommand } from './commands/triage.ts';
import { nluEvaluateCommand, nluTrainCommand } from './commands/nlu.ts';

type Options = NonNullable<ParseArgsConfig['options']>;
type Command = { usage: string; summary: string; options: Options; run(values: Record<string, any>, positionals: string[]): Promise<number> };

const str = { type: 'string' } as const;
const flag = { type: 'boolean' } as const;

const commands: Record<string, Command> = {
  start: { usage: 'relais start', summary: 'run the API, the web app and the workers (the default)', options: {}, run: () => startCommand() },
  migrate: { usage: 'relais migrate', summary: 'apply database migrations', options: {}, run: () => migrateCommand() },
  'seed-demo': { usage: 'relais seed-demo', summary: 'add the demo brands if they are not there yet', options: {}, run: () => seedDemoCommand() },
  'org create': {
    usage: 'relais org create --name NAME --slug SLUG [--locale fr|en]', summary: 'create a brand (organization)',
    options: { name: str, slug: str, locale: str }, run: (v) => orgCreateCommand(v),
  },
  'user create': {
    usage: 'relais user create --email EMAIL --role ROLE [--name NAME] [--org SLUG] [--password PASSWORD]',
    summary: 'create a user; prints a generated password unless one is given',
    options: { email: str, role: str, name: str, org: str, password: str }, run: (v) => userCreateCommand(v),
  },
  'token create': {
    usage: 'relais token create --email EMAIL [--name NAME]', summary: 'print a new API token for a user',
    options: { email: str, name: str }, run: (v) => tokenCreateCommand(v),
  },
  triage: {
    usage: 'relais triage --text "…" | --file messages.jsonl [--org SLUG] [--channel TYPE] [--public] [--json]',
    summary: 'triage messages: language, intent, confidence, severity, sentiment, flags, decision and reasons',
    options: { text: str, file: str, org: str, channel: str, public: flag, json: flag }, run: (v) => triageCommand(v),
  },
  'nlu train': {
    usage: 'relais nlu train --file labeled.csv [--org SLUG] [--oos-label LABEL]',
    summary: "add labeled examples (CSV text,label) and retrain the organization's intent model",
    options: { file: str, org: str, 'oos-label': str }, run: (v) => nluTrainCommand(v),
  },
  'nlu evaluate': {
    usage: 'relais nlu evaluate --train train.csv --test test.csv [--oos-label oos] [--json] | --clinc data_full.json',
    summary: 'train, tune on validation data only, and measure on the test set',
    options: { train: str, test: str, clinc: str, 'oos-label': str, json: flag }, run: (v) => nluEvaluateCommand(v),
  },
};

/** Later concepts add their own commands (triage, nlu ...) here. */
export function registerCommand(name: string, command: Command): void {
  commands[name] = command;
}

export function helpText(): string {
  const lines = Object.values(commands).map((c) => `  ${c.usage}\n      ${c.summary}`);
  return `Relais: self-hosted customer care\n\nUsage:\n${lines.join('\n')}\n  relais --help\n\n` +
    'Environment: DATABASE_URL (PostgreSQL; default: embedded PGlite in RELAIS_DATA_DIR, ./data), PORT (3000)\n';
}

function findCommand(args: string[]): { name: string; command: Command; rest: string[] } | undefined {
  const two = args.slice(0, 2).join(' ');
  if (commands[two]) return { name: two, command: commands[two]!, rest: args.slice(2) };
  const one = args[0] ?? 'start';
  if (commands[one]) return { name: one, command: commands[one]!, rest: args.slice(1) };
  return undefined;
}

export async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h') || args[0] === 'help') {
    process.stdout.write(helpText());
    return 0;
  }
  const found = findCommand(args);
  try {
    if (!found) throw new CliError(`unknown command "${args.join(' ')}" (see relais --help)`, 2);
    let parsed;
    try {
      parsed = parseArgs({ args: found.rest, options: found.command.options, strict: true, allowPositionals: false });
    } catch (err) {
      throw new CliError(`${(err as Error).message.split('\n')[0]} (usage: ${found.command.usage})`, 2);
    }
    return await found.command.run(parsed.values, parsed.positionals);
  } catch (err) {
    if (err instanceof CliError || err instanceof ConfigError || err instanceof DatabaseOpenError || err instanceof StartupError || err instanceof AppError) {
      process.stderr.write(`relais: ${err.message}\n`);
      return err instanceof CliError ? err.exitCode : 1;
    }
    throw err;
  }
}
