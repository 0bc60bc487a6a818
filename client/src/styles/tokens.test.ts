import { describe, expect, it } from 'vitest';

/**
 * Every stylesheet and module of the client, as text (Vite reads them; no Node APIs needed).
 * Tests are left out: their fixtures may hold colours as data.
 */
const sources: Record<string, string> = {
  ...import.meta.glob('../**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true }),
  // Vitest empties stylesheets unless told to read them (vitest.config.ts).
  ...import.meta.glob('../**/*.css', { query: '?raw', import: 'default', eager: true }),
};

/** Where colours may be written as values: the token block, and the colours script measures. */
const COLOUR_HOMES = new Set(['./tokens.css', '../app/colour.ts']);

/** A hex colour (#rgb, #rgba, #rrggbb, #rrggbbaa) or an rgb()/hsl() written with numbers. */
const RAW_COLOUR =
  /(?<![\w&-])#(?:[0-9a-f]{8}|[0-9a-f]{6}|[0-9a-f]{3,4})(?![\w-])|\b(?:rgba?|hsla?)\(\s*[\d.]/gi;

function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '');
}

/** The raw colours of each checked file, as `path: colour` lines. */
function rawColours(): string[] {
  const found: string[] = [];
  for (const [path, text] of Object.entries(sources)) {
    if (COLOUR_HOMES.has(path) || /\.test\.tsx?$/.test(path)) continue;
    for (const match of withoutComments(text).matchAll(RAW_COLOUR)) {
      found.push(`${path}: ${match[0]}`);
    }
  }
  return found;
}

describe('design tokens', () => {
  it('reads the stylesheets and modules it checks, with their text', () => {
    expect(Object.keys(sources)).toContain('../features/clauses/ClausePanel.css');
    expect(Object.keys(sources)).toContain('../editor/brackets.ts');
    const empty = Object.entries(sources).filter(([, text]) => text.trim() === '');
    expect(empty.map(([path]) => path)).toEqual([]);
  });

  it('writes no colour as a value outside tokens.css (and the colours script measures)', () => {
    expect(rawColours()).toEqual([]);
  });

  it('finds the colours it is meant to refuse', () => {
    const sample =
      '.a { color: #1f7a45; border: 1px solid #FFF; box-shadow: 0 0 rgb(0 0 0 / 5%); }';
    expect(withoutComments(sample).match(RAW_COLOUR)).toEqual(['#1f7a45', '#FFF', 'rgb(0']);
    expect('<a href="#draft"> url(#add-1) &#160; var(--red-50)'.match(RAW_COLOUR)).toBeNull();
  });

  it('main.tsx imports every stylesheet first, tokens first and the phone layout last', () => {
    const main = sources['../main.tsx'] ?? '';
    const imported = [...main.matchAll(/^import '(\.[^']+\.css)';$/gm)].map((m) => m[1]);
    // Before any module: a lazy page's stylesheet must not load after narrow.css.
    expect(/^import .*$/m.exec(main)?.[0]).toBe("import './styles/tokens.css';");
    expect(imported.at(-1)).toBe('./styles/narrow.css');
    const stylesheets = Object.keys(sources)
      .filter((path) => path.endsWith('.css'))
      .map((path) => (path.startsWith('./') ? `./styles/${path.slice(2)}` : `./${path.slice(3)}`));
    expect([...imported].sort()).toEqual(stylesheets.sort());
    const firstModule = main.search(/^import (?!')/m);
    const lastStylesheet = main.lastIndexOf("import './styles/narrow.css';");
    expect(lastStylesheet).toBeLessThan(firstModule);
  });
});
