import { createBrand } from '../../organizations/organizations.service.ts';
import { withDatabase } from '../with-database.ts';
import { CliError } from '../cli-error.ts';

export async function orgCreateCommand(values: { name?: string | undefined; slug?: string | undefined; locale?: string | undefined }): Promise<number> {
  if (!values.name) throw new CliError('--name is required', 2);
  if (!values.slug || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(values.slug)) throw new CliError('--slug is required: lowercase words separated by hyphens', 2);
  if (values.locale && !['fr', 'en'].includes(values.locale)) throw new CliError('--locale must be fr or en', 2);
  const org = await withDatabase((database) =>
    createBrand(database.db, { name: values.name!, slug: values.slug!, defaultLocale: values.locale ?? 'fr' }),
  );
  process.stdout.write(`${org.id}\n`);
  return 0;
}
