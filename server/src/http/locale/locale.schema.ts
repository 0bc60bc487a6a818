import { z } from 'zod';

/**
 * `PUT /api/me/locale`'s body (`SetLocaleRequest`): the language is checked by `parseLocale`
 * afterwards, so that an unknown one is refused with a sentence naming those Accord speaks.
 */
export const setLocaleRequestSchema = z.object({ locale: z.string().max(64) }).strict();
