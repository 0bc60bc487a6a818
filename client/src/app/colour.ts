/*
 * The colours script computes with (inline styles on carets and chips need a literal to measure
 * contrast against): with tokens.css, the only place a colour is written as a value.
 */

/** A caret's colour when its person has neither a colour nor a delegation. */
export const UNKNOWN_PERSON_COLOUR = '#6b6b6b';

/** Parses `#rrggbb` (or `#rgb`) into 0–255 channels; null for anything else. */
export function parseHexColour(value: string): [number, number, number] | null {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value);
  const hex = match?.[1];
  if (!hex) return null;
  const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
  return [0, 2, 4].map((at) => Number.parseInt(full.slice(at, at + 2), 16)) as [
    number,
    number,
    number,
  ];
}

function relativeLuminance([r, g, b]: [number, number, number]): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/**
 * White or near-black, whichever contrasts more with a background colour (WCAG luminance), so
 * that labels on light delegation colours stay legible.
 */
export function readableTextColour(background: string): '#ffffff' | '#1a1a1a' {
  const rgb = parseHexColour(background);
  if (!rgb) return '#1a1a1a';
  const luminance = relativeLuminance(rgb);
  const contrastWhite = 1.05 / (luminance + 0.05);
  const contrastDark = (luminance + 0.05) / (relativeLuminance([26, 26, 26]) + 0.05);
  return contrastWhite >= contrastDark ? '#ffffff' : '#1a1a1a';
}

/** `#rgb` or `#rrggbb` as lowercase `#rrggbb`; null for anything else (names, url(), …). */
export function normaliseHexColour(value: string): string | null {
  const rgb = parseHexColour(value);
  return rgb ? `#${rgb.map((channel) => channel.toString(16).padStart(2, '0')).join('')}` : null;
}
