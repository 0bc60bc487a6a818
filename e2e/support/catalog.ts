import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One message of a `.po` catalog: its id, context and text. */
interface PoEntry {
  context: string;
  id: string;
  text: string;
}

function unquote(value: string): string {
  return value.replace(/\\(["\\n])/g, (_, char: string) => (char === 'n' ? '\n' : char));
}

/** The messages of one `.po` file of shared/src/i18n/locales (Lingui writes each on one line). */
function readCatalog(locale: string, name: 'client' | 'common'): PoEntry[] {
  const path = fileURLToPath(
    new URL(`../../shared/src/i18n/locales/${locale}/${name}.po`, import.meta.url),
  );
  return readFileSync(path, 'utf8')
    .split(/\n\n+/)
    .flatMap((block) => {
      const id = /^msgid "((?:[^"\\]|\\.)*)"$/m.exec(block)?.[1];
      const text = /^msgstr "((?:[^"\\]|\\.)*)"$/m.exec(block)?.[1];
      const context = /^msgctxt "((?:[^"\\]|\\.)*)"$/m.exec(block)?.[1] ?? '';
      if (id === undefined || id === '' || text === undefined) return [];
      return [{ context, id: unquote(id), text: unquote(text) }];
    });
}

/**
 * The words of an ICU message a reader sees: placeholders ({name}), tags (<0>…</0>), the plural
 * syntax and `#` taken out, what remains split into its runs of text.
 */
export function literalRuns(message: string): string[] {
  return message
    .replace(/\{\s*\w+\s*,\s*(plural|select|selectordinal)\s*,/g, '\u0000')
    .replace(/\b(zero|one|two|few|many|other|=\d+)\s*\{/g, '\u0000')
    .replace(/\{\w*\}|<\/?\d+\/?>|[{}#]/g, '\u0000')
    .split('\u0000')
    .map((run) => run.replace(/\s+/g, ' ').trim())
    .filter((run) => /[A-Za-z]{3,}/.test(run));
}

/**
 * The English source words of Accord's catalogs (client and common) that a Spanish reader must
 * never see: those whose Spanish differs (a word both languages share, "Guatemala", "PDF",
 * is not English left behind). Each is a run of literal text of a message.
 */
export function englishOnlyRuns(): string[] {
  const runs = new Set<string>();
  for (const name of ['client', 'common'] as const) {
    const spanish = new Map(
      readCatalog('es', name).map((entry) => [`${entry.context}\u0004${entry.id}`, entry.text]),
    );
    for (const entry of readCatalog('en', name)) {
      // The client's catalog has the English as the id; the common one has ids and English text.
      const english = name === 'client' ? entry.id : entry.text || entry.id;
      const es = spanish.get(`${entry.context}\u0004${entry.id}`) ?? '';
      const esRuns = new Set(literalRuns(es));
      for (const run of literalRuns(english)) if (!esRuns.has(run)) runs.add(run);
    }
  }
  return [...runs];
}
