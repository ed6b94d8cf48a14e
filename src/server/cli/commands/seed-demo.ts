import { seedDemo } from '../../demo/seed-demo.ts';
import { trainDemoModels } from '../../demo/train-demo-models.ts';
import { withDatabase } from '../with-database.ts';

export async function seedDemoCommand(): Promise<number> {
  const result = await withDatabase(async ({ db }) => {
    const seeded = await seedDemo(db);
    if (seeded.seeded) await trainDemoModels(db);
    return seeded;
  });
  if (!result.seeded) {
    process.stdout.write('demo data already present: nothing changed\n');
    return 0;
  }
  process.stdout.write(
    `demo data seeded: ${result.organizations} organizations, ${result.conversations} conversations, ${result.articles} articles\n` +
      `sign in as ${result.adminEmail} with password ${result.adminPassword}\n` +
      `(the same password opens every demo account listed in the README)\n`,
  );
  return 0;
}
