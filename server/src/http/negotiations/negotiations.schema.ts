import { z } from 'zod';

/**
 * `PUT /api/negotiations/:id/time-zone`: the new zone as text; whether it is a zone is
 * `parseTimeZone`'s call, made by the route so that the refusal says what to give instead.
 */
export const setTimeZoneSchema = z.object({
  timeZone: z.string({ error: 'timeZone must be text, such as "America/Mexico_City".' }),
});
