import { z } from 'zod';

/** Graph ids are strings; a few older payloads send them as JSON numbers. */
export const graphIdSchema = z.union([z.string().min(1), z.number()]).transform(String);

/** "message.mid: Invalid input; from.id: Required" — names the fields, for the dead letter and the 400. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ');
}
