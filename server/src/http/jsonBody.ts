import type { Context } from 'hono';
import type { z } from 'zod';
import { apiErrors } from './errors';

/** A zod issue as one readable sentence, naming the field. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.map(String).join('.');
  return field === '' ? issue.message : `${field}: ${issue.message}`;
}

/**
 * Reads and validates a JSON body. Bad input becomes a 400 `bad_request` that says what is
 * wrong; nothing is thrown past the error handler.
 */
export async function readJsonBody<Schema extends z.ZodType>(
  c: Context,
  schema: Schema,
): Promise<z.infer<Schema>> {
  const contentType = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(contentType)) {
    throw apiErrors.notJson();
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await c.req.text());
  } catch {
    throw apiErrors.badJson();
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw apiErrors.badRequest(parsed.error.issues.map(describeIssue).join('; '));
  }
  return parsed.data;
}
