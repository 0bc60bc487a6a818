import { CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import { describe, expect, it } from 'vitest';
import {
  closeDisposition,
  refusalMessage,
  refusalRestartDelayMs,
  stoppedMessage,
} from './closeDisposition';

describe('closeDisposition', () => {
  it('stops on session, access and existence problems', () => {
    expect(closeDisposition(CLOSE_CODES.unauthorized)).toBe('terminal');
    expect(closeDisposition(CLOSE_CODES.forbidden)).toBe('terminal');
    expect(closeDisposition(CLOSE_CODES.accessChanged)).toBe('terminal');
    expect(closeDisposition(CLOSE_CODES.notFound)).toBe('terminal');
  });

  it('starts over from a fresh document when a change was refused', () => {
    for (const code of [
      CLOSE_CODES.malformedMessage,
      CLOSE_CODES.missingDependencies,
      CLOSE_CODES.foreignClientId,
      CLOSE_CODES.updateRejected,
      CLOSE_CODES.clauseLocked,
      CLOSE_CODES.messageTooLarge,
    ]) {
      expect(closeDisposition(code)).toBe('refused');
    }
  });

  it('reconnects after restarts, server errors and network drops', () => {
    expect(closeDisposition(CLOSE_CODES.serverShutdown)).toBe('transient');
    expect(closeDisposition(CLOSE_CODES.internalError)).toBe('transient');
    expect(closeDisposition(1006)).toBe('transient');
    expect(closeDisposition(1001)).toBe('transient');
  });

  it('ignores closes the provider made itself', () => {
    expect(closeDisposition(null)).toBe('local');
  });
});

describe('refusalRestartDelayMs', () => {
  it('restarts at once the first time, then backs off up to a ceiling', () => {
    expect(refusalRestartDelayMs(1)).toBe(0);
    expect(refusalRestartDelayMs(2)).toBe(1_000);
    expect(refusalRestartDelayMs(3)).toBe(2_000);
    expect(refusalRestartDelayMs(20)).toBe(30_000);
  });
});

describe('refusalMessage', () => {
  it("shows the server's reason for a locked clause, the code's description otherwise", () => {
    const reason =
      'OP3 is locked by the Chair; the whole change was refused, edits to other clauses included.';
    expect(refusalMessage(CLOSE_CODES.clauseLocked, reason)).toBe(reason);
    expect(refusalMessage(CLOSE_CODES.clauseLocked, '')).toMatch(/locked/);
    expect(refusalMessage(CLOSE_CODES.updateRejected, 'anything')).toBe(
      'A change was refused by the server.',
    );
  });
});

describe('stoppedMessage', () => {
  it("says how the person's rights changed and what to do, in the server's words", () => {
    expect(
      stoppedMessage(CLOSE_CODES.accessChanged, 'Your role is now observer (read only).'),
    ).toBe(
      'Your role is now observer (read only). Reload the draft to continue with your new rights.',
    );
    expect(stoppedMessage(CLOSE_CODES.forbidden, 'Your account has been disabled.')).toBe(
      'Your account has been disabled.',
    );
  });

  it("falls back to the code's description without a reason", () => {
    expect(stoppedMessage(CLOSE_CODES.forbidden, '')).toBe(
      'You no longer have access to this negotiation.',
    );
    expect(stoppedMessage(CLOSE_CODES.unauthorized, 'Signed out.')).toBe(
      'Your session has ended. Please sign in again.',
    );
    expect(stoppedMessage(4999, undefined)).toBe('The connection was closed.');
  });
});
