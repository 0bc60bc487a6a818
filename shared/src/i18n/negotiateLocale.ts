import { DEFAULT_LOCALE, isLocale, type Locale } from './locales';

/** One language range of an `Accept-Language` header with its weight. */
interface WeightedRange {
  range: string;
  weight: number;
  order: number;
}

/** The longest header read; browsers send a few dozen characters. */
const MAX_HEADER_CHARS = 2048;

/** Parses `Accept-Language` (RFC 9110 §12.5.4) into ranges, best first; bad parts are skipped. */
function parseAcceptLanguage(header: string): string[] {
  const ranges: WeightedRange[] = [];
  header
    .slice(0, MAX_HEADER_CHARS)
    .split(',')
    .forEach((part, order) => {
      const [rangePart, ...params] = part.trim().split(';');
      const range = rangePart?.trim() ?? '';
      if (range === '') return;
      let weight = 1;
      for (const param of params) {
        const [key, value] = param.trim().split('=');
        if (key?.trim().toLowerCase() !== 'q') continue;
        const parsed = Number(value?.trim());
        weight = Number.isFinite(parsed) && parsed >= 0 && parsed <= 1 ? parsed : 0;
      }
      if (weight > 0) ranges.push({ range, weight, order });
    });
  return ranges
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
    .map((entry) => entry.range);
}

/**
 * The language to speak to a person who has not chosen one, from what their browser asks for:
 * an `Accept-Language` header ("es-MX,es;q=0.9,en;q=0.8") on the server, or
 * `navigator.languages` (["fr-CA", "en"]) in the browser. The first range whose primary
 * language Accord speaks wins ("es-MX" → "es"); "*", unknown languages and nothing at all
 * give English.
 */
export function negotiateLocale(
  preferences: string | readonly string[] | null | undefined,
): Locale {
  if (preferences === null || preferences === undefined) return DEFAULT_LOCALE;
  const ranges = typeof preferences === 'string' ? parseAcceptLanguage(preferences) : preferences;
  for (const range of ranges) {
    const primary = range.trim().split(/[-_]/)[0]?.toLowerCase();
    if (isLocale(primary)) return primary;
  }
  return DEFAULT_LOCALE;
}
