import { describe, expect, it } from 'vitest';
import { lockedClauseRefusal, lockerWithName } from '../domain/locks';
import { describeBlockers } from '../export/finalBlockers';
import { CLOSE_CODES, describeCloseCode } from '../protocol/closeCodes';
import {
  clauseKindName,
  delegationAgent,
  delegationName,
  describeStatus,
  joinNames,
  partName,
  positionLabel,
} from './domainWords';
import { commonMessages, i18nFor, translate } from './i18n';
import { LOCALES } from './locales';
import { COMMON_WORDS } from './messages';

/** Issue 16: plurals through the catalogs' ICU messages, in the three languages. */

const clauses = (locale: 'en' | 'es' | 'fr', count: number) =>
  translate(locale, COMMON_WORDS.clauseCount, { count });

describe('ICU plurals', () => {
  it('English: one for 1 only', () => {
    expect(clauses('en', 0)).toBe('0 clauses');
    expect(clauses('en', 1)).toBe('1 clause');
    expect(clauses('en', 2)).toBe('2 clauses');
    expect(clauses('en', 1_000_000)).toBe('1,000,000 clauses');
  });

  it('Spanish: one, many for a round million ("de"), other', () => {
    expect(clauses('es', 0)).toBe('0 párrafos');
    expect(clauses('es', 1)).toBe('1 párrafo');
    expect(clauses('es', 2)).toBe('2 párrafos');
    expect(clauses('es', 1_000_000)).toBe('1.000.000 de párrafos');
    expect(clauses('es', 1_000_001)).toBe('1.000.001 párrafos');
  });

  it('French: the singular for 0 and 1, many for a round million, other', () => {
    expect(clauses('fr', 0)).toBe('0 paragraphe');
    expect(clauses('fr', 1)).toBe('1 paragraphe');
    expect(clauses('fr', 2)).toBe('2 paragraphes');
    // French groups thousands with a narrow no-break space (CLDR).
    expect(clauses('fr', 1_000_000)).toBe('1\u202f000\u202f000 de paragraphes');
    expect(clauses('fr', 1_000_001)).toBe('1\u202f000\u202f001 paragraphes');
  });

  it('names who contests a clause with the plural of each language', () => {
    const positions = {
      SV: { position: 'object' as const, textHash: 'h', userId: 'u', at: 0 },
      GT: { position: 'object' as const, textHash: 'h', userId: 'u', at: 0 },
      MX: { position: 'reserve' as const, textHash: 'h', userId: 'u', at: 0 },
    };
    expect(describeStatus('objected', positions, 'en')).toBe('Objections: SV, GT · Reserved: MX');
    expect(describeStatus('objected', positions, 'es')).toBe('Objeciones: SV, GT · Reserva: MX');
    expect(describeStatus('objected', positions, 'fr')).toBe(
      'Objections\u00a0: SV, GT · Réserve\u00a0: MX',
    );
    expect(describeStatus('agreedAdRef', {}, 'es')).toBe('Acordado ad referéndum');
  });
});

describe('the catalogs', () => {
  it('hold every common message in every language, none falling back to its id', () => {
    const ids = Object.keys(commonMessages('en'));
    expect(ids.length).toBeGreaterThan(50);
    for (const locale of LOCALES) {
      expect(Object.keys(commonMessages(locale)).sort()).toEqual([...ids].sort());
      for (const id of ids) expect(i18nFor(locale)._(id)).not.toBe(id);
    }
  });

  it('name delegations by the UN’s official short names, and the Chair', () => {
    const names = (locale: 'en' | 'es' | 'fr') =>
      (['US', 'CA', 'MX', 'SV', 'GT', 'CHAIR'] as const).map((code) =>
        delegationName(code, locale),
      );
    expect(names('en')).toEqual([
      'United States',
      'Canada',
      'Mexico',
      'El Salvador',
      'Guatemala',
      'Chair',
    ]);
    expect(names('es')).toEqual([
      'Estados Unidos de América',
      'Canadá',
      'México',
      'El Salvador',
      'Guatemala',
      'Presidencia',
    ]);
    expect(names('fr')).toEqual([
      'États-Unis d’Amérique',
      'Canada',
      'Mexique',
      'El Salvador',
      'Guatemala',
      'Présidence',
    ]);
    expect(delegationAgent('MX', 'fr')).toBe('le Mexique');
    expect(delegationAgent('CHAIR', 'es')).toBe('la Presidencia');
    expect(joinNames(names('es').slice(0, 3), 'es')).toBe(
      'Estados Unidos de América, Canadá y México',
    );
    expect(joinNames(['Canada', 'Mexico', 'Guatemala'], 'en')).toBe('Canada, Mexico and Guatemala');
  });

  it('name the communiqué’s parts as UN documents do', () => {
    expect([partName('preambular', 'es'), partName('operative', 'es')]).toEqual([
      'Preámbulo',
      'Parte dispositiva',
    ]);
    expect([partName('preambular', 'fr'), partName('operative', 'fr')]).toEqual([
      'Préambule',
      'Dispositif',
    ]);
    expect(clauseKindName('preambular', 'fr')).toBe('Alinéa du préambule');
  });

  it('say who locked a clause and why a final export is blocked', () => {
    expect(lockerWithName({ delegation: 'CHAIR' }, 'Amb. Ruth Okafor', 'fr')).toBe(
      'la Présidence (Amb. Ruth Okafor)',
    );
    expect(lockedClauseRefusal('OP3', { delegation: 'CHAIR' })).toBe(
      'OP3 is locked by the Chair; the whole change was refused, edits to other clauses included.',
    );
    expect(lockedClauseRefusal('OP3', { delegation: 'MX' }, 'es')).toBe(
      'OP3 está bloqueado por México; se rechazó todo el cambio, incluidas las modificaciones de otros párrafos.',
    );
    const blockers = [
      { clauseId: 'a', label: 'OP2', reasons: ['notLocked' as const, 'brackets' as const] },
    ];
    expect(describeBlockers(blockers)).toEqual(['OP2: not locked, has brackets']);
    expect(describeBlockers(blockers, 'es')).toEqual(['OP2: no bloqueado, contiene corchetes']);
    expect(describeBlockers(blockers, 'fr')).toEqual([
      'OP2\u00a0: non verrouillé, contient des crochets',
    ]);
  });

  it('speak of positions in the trade’s words', () => {
    expect(positionLabel('agreeAdRef', 'es')).toBe('De acuerdo ad referéndum');
    expect(positionLabel('reserve', 'es')).toBe('Se reserva');
    expect(positionLabel('reserve', 'fr')).toBe('Réserve');
    expect(positionLabel('agreeAdRef', 'en')).toBe('Agree ad ref.');
  });

  it('explain every close code in every language, by its stable code', () => {
    for (const code of Object.values(CLOSE_CODES)) {
      const [en, es, fr] = LOCALES.map((locale) => describeCloseCode(code, locale));
      expect(en).toBeTruthy();
      expect(es).toBeTruthy();
      expect(fr).toBeTruthy();
      expect(new Set([en, es, fr]).size).toBe(3);
    }
    expect(describeCloseCode(CLOSE_CODES.unauthorized)).toBe(
      'Your session has ended. Please sign in again.',
    );
    expect(describeCloseCode(CLOSE_CODES.notFound, 'es')).toBe('Este proyecto ya no existe.');
    expect(describeCloseCode(1000, 'fr')).toBeUndefined();
  });
});
