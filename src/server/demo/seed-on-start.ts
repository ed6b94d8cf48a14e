import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import { seedDemo } from './seed-demo.ts';
import { trainDemoModels } from './train-demo-models.ts';

/** On a fresh data directory, fill it with the demo brands and print the admin login once. */
export async function seedDemoIfEmpty(db: Db, logger: Logger): Promise<void> {
  const result = await seedDemo(db);
  if (!result.seeded) return;
  const models = await trainDemoModels(db);
  logger.info({ models }, 'demo intent models trained');
  logger.info({ conversations: result.conversations, articles: result.articles }, 'demo data seeded');
  // Printed on stdout, not only in the JSON log, so a person running `npm start` sees it. Shown this once.
  process.stdout.write(
    `\n  Relais demo data is ready. Sign in as ${result.adminEmail} with password ${result.adminPassword}\n` +
      `  (the same password opens every demo account listed in the README: supervisors, agents, provider agents, experts;\n` +
      `  shown once: keep it, or create another admin with \`relais user create --email … --role admin\`)\n\n`,
  );
}
