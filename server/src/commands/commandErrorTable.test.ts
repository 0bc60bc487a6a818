import { LOCALES } from '@accord/shared/i18n/locales';
import { describe, expect, it } from 'vitest';
import type { CommandError } from './CommandError';
import { COMMAND_ERRORS, describeCommandError } from './commandErrorTable';

/** Issue 16: refused commands are worded once, in every language, with the same API code. */

describe('the command error table', () => {
  it('words every code in English exactly as before, and differently in es and fr', () => {
    const sample: CommandError[] = [
      { code: 'positionForbidden', delegation: 'MX' },
      { code: 'lockReasonInvalid', problem: 'A written reason is required.', locking: true },
      { code: 'tooManyAlternatives', max: 5 },
      { code: 'choiceStale', label: '' },
    ];
    expect(sample.map((error) => describeCommandError(error).message)).toEqual([
      'Only a delegate of Mexico may state its position.',
      'A written reason is required. Not all five delegations agree with this clause.',
      'A clause carries at most 5 alternatives: withdraw or settle some first.',
      'The clause changed while you were reviewing this choice: look at the new redline and confirm again.',
    ]);
    expect(describeCommandError(sample[0]!, 'es').message).toBe(
      'Solo un delegado de México puede indicar la posición de esa delegación.',
    );
    expect(describeCommandError(sample[1]!, 'es').message).toBe(
      'Es necesario indicar un motivo por escrito. No todas las delegaciones están de acuerdo con este párrafo.',
    );
    expect(describeCommandError(sample[1]!, 'fr').message).toBe(
      'Un motif écrit est requis. Les cinq délégations ne sont pas toutes d’accord sur ce paragraphe.',
    );
    expect(describeCommandError(sample[3]!, 'fr').message).toMatch(/^Le paragraphe a changé/);
  });

  it('keeps the API code whatever the language', () => {
    for (const code of Object.keys(COMMAND_ERRORS) as (keyof typeof COMMAND_ERRORS)[]) {
      const error = {
        code,
        delegation: 'CA',
        max: 3,
        problem: 'p',
        locking: false,
        locked: true,
        label: 'OP1',
        username: 'u',
        negotiationTitle: 't',
      } as CommandError;
      const apis = LOCALES.map((locale) => describeCommandError(error, locale).api);
      expect(new Set(apis).size).toBe(1);
      for (const locale of LOCALES) {
        expect(describeCommandError(error, locale).message.length).toBeGreaterThan(0);
      }
    }
  });
});
