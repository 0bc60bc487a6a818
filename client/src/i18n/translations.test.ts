import { i18n } from '@lingui/core';
import { afterEach, describe, expect, it } from 'vitest';
import { loginErrorMessage } from '../features/auth/loginMessages';
import { consensusSummary, statusCount } from '../features/clauses/consensus';
import { presenceSummary } from '../features/negotiation/members';
import {
  delegationName,
  listInWords,
  positionLabel,
  statusLabel,
  statusWordsFor,
} from './domainWords';

// The client's macros compiled in tests as in the build, read through the real catalogs.
afterEach(() => i18n.activate('en'));

describe('the client in Spanish', () => {
  it('speaks Spanish, with the UN short names and the Chair as Presidencia', () => {
    i18n.activate('es');
    expect(loginErrorMessage({ status: 401, code: 'invalid_credentials', message: '' })).toBe(
      'Nombre de usuario o contraseña incorrectos.',
    );
    expect(delegationName('US')).toBe('Estados Unidos de América');
    expect(delegationName('MX')).toBe('México');
    expect(delegationName('CHAIR')).toBe('Presidencia');
    expect(positionLabel('reserve')).toBe('Se reserva');
    expect(positionLabel('agreeAdRef')).toBe('De acuerdo ad referéndum');
    expect(listInWords(['México', 'El Salvador', 'Guatemala'])).toBe(
      'México, El Salvador y Guatemala',
    );
  });

  it('puts counts through ICU plurals', () => {
    i18n.activate('es');
    expect(
      loginErrorMessage({
        status: 429,
        code: 'too_many_attempts',
        message: '',
        retryAfterSeconds: 60,
      }),
    ).toContain('Espere 1 minuto e');
    expect(
      loginErrorMessage({
        status: 429,
        code: 'too_many_attempts',
        message: '',
        retryAfterSeconds: 600,
      }),
    ).toContain('Espere 10 minutos e');
    expect(statusCount('agreed', 0)).toBe('0 acordados');
    expect(statusCount('agreed', 1)).toBe('1 acordado');
  });
});

describe('the client in French', () => {
  it('uses the singular for 0 and 1, the plural from 2', () => {
    i18n.activate('fr');
    expect(statusCount('agreed', 0)).toBe('0 agréé');
    expect(statusCount('agreed', 1)).toBe('1 agréé');
    expect(statusCount('agreed', 2)).toBe('2 agréés');
    expect(consensusSummary([]).headline).toBe('0 paragraphe agréé sur 0');
  });

  it('writes French typography: a non-breaking space before the colon, typographic apostrophes', () => {
    i18n.activate('fr');
    expect(delegationName('US')).toBe('États-Unis d’Amérique');
    expect(statusLabel('reserved')).toBe('Réserve');
    expect(
      presenceSummary([
        { userId: 'a', displayName: 'A', delegation: 'CA', role: 'delegate', presence: 'onDraft' },
      ]),
    ).toBe('1 sur un projet');
    expect(positionLabel('reserve')).toBe('Réserve');
    expect(loginErrorMessage({ status: 0, code: 'network_error', message: '' })).toBe(
      'Impossible de joindre le serveur d’Accord. Vérifiez votre connexion et réessayez.',
    );
    const objection = { position: 'object' as const, textHash: 'h', userId: 'u', at: 0 };
    expect(statusWordsFor('objected', { SV: objection })).toMatch(/^Objection[\u00a0\u202f]: SV$/);
    expect(loginErrorMessage({ status: 401, code: 'invalid_credentials', message: '' })).toBe(
      'Nom d’utilisateur ou mot de passe incorrect.',
    );
    expect(
      loginErrorMessage({
        status: 429,
        code: 'too_many_attempts',
        message: '',
        retryAfterSeconds: 600,
      }),
    ).toContain('patienter 10 minutes');
  });
});
