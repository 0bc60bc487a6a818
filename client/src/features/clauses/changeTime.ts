/**
 * When a change was made, for the history and the cleared-position notices: the time alone for
 * today ("14:05"), with the date before that ("11 Jun, 14:05"), and the year when it differs.
 */
export function formatChangeTime(
  at: number,
  now: number,
  options: { locale?: string; timeZone?: string } = {},
): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return '';
  const { locale, timeZone } = options;
  const dayOf = (value: number) =>
    new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(new Date(value));
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' });
  if (dayOf(at) === dayOf(now)) return time.format(date);
  const sameYear = dayOf(at).slice(0, 4) === dayOf(now).slice(0, 4);
  const day = new Intl.DateTimeFormat(locale, {
    timeZone,
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  });
  return `${day.format(date)}, ${time.format(date)}`;
}

/** The full date and time of a change, for a tooltip. */
export function formatFullTime(
  at: number,
  options: { locale?: string; timeZone?: string } = {},
): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(options.locale, {
    timeZone: options.timeZone,
    dateStyle: 'long',
    timeStyle: 'medium',
  }).format(date);
}
