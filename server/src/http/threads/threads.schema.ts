import { hasVisibleText } from '@accord/shared/domain/visibleText';
import { THREAD_VISIBILITIES } from '@accord/shared/policy/threadPolicy';
import { LIMITS } from '@accord/shared/protocol/limits';
import { z } from 'zod';

/** A message's text: trimmed, not empty, at most `LIMITS.threadMessageMax` characters. */
const messageBody = z
  .string({ error: 'Give the message as text.' })
  .trim()
  .min(1, { error: 'The message is empty.' })
  .refine(hasVisibleText, { error: 'The message is empty.' })
  .max(LIMITS.threadMessageMax, {
    error: `A message may have at most ${LIMITS.threadMessageMax} characters.`,
  });

const anchorPosition = z
  .string({ error: 'Give each end of the anchor as a base64 Yjs relative position.' })
  .min(1, { error: 'An end of the anchor is empty.' })
  .max(LIMITS.anchorPositionMax, { error: 'An end of the anchor is too long.' });

/** `POST /api/documents/:documentId/threads`. */
export const createThreadSchema = z.object({
  visibility: z.enum(THREAD_VISIBILITIES, {
    error: 'Use "public" (all delegations) or "private" (my delegation only).',
  }),
  anchor: z.object(
    { start: anchorPosition, end: anchorPosition },
    { error: 'Give the anchor as { start, end }.' },
  ),
  quote: z.string({ error: 'Give the selected text as quote.' }),
  body: messageBody,
});

/** `POST …/threads/:threadId/messages` and `PATCH …/messages/:messageId`. */
export const messageBodySchema = z.object({ body: messageBody });

/** `PUT …/threads/:threadId/resolved`. */
export const resolveThreadSchema = z.object({
  resolved: z.boolean({ error: 'Say resolved: true to resolve or false to reopen.' }),
});

/** `POST …/messages/:messageId/hide`. */
export const hideMessageSchema = z.object({
  reason: z
    .string({ error: 'Give the reason for hiding as text.' })
    .trim()
    .min(1, { error: 'Say why the message is hidden.' })
    .refine(hasVisibleText, { error: 'Say why the message is hidden.' })
    .max(LIMITS.hideReasonMax, {
      error: `A reason may have at most ${LIMITS.hideReasonMax} characters.`,
    }),
});
