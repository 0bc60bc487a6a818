import { CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import { describe, expect, it } from 'vitest';
import { accessProbeOutcome } from './accessProbe';

describe('accessProbeOutcome', () => {
  it('turns a refused upgrade into the close code it stands for', () => {
    expect(
      accessProbeOutcome({ ok: false, error: { status: 401, code: 'unauthorized', message: '' } }),
    ).toBe(CLOSE_CODES.unauthorized);
    expect(
      accessProbeOutcome({ ok: false, error: { status: 403, code: 'forbidden', message: '' } }),
    ).toBe(CLOSE_CODES.forbidden);
    expect(
      accessProbeOutcome({ ok: false, error: { status: 404, code: 'not_found', message: '' } }),
    ).toBe(CLOSE_CODES.notFound);
  });

  it('keeps reconnecting when access is fine or the server is just away', () => {
    expect(accessProbeOutcome({ ok: true, value: {} })).toBeNull();
    expect(
      accessProbeOutcome({ ok: false, error: { status: 0, code: 'network_error', message: '' } }),
    ).toBeNull();
    expect(
      accessProbeOutcome({ ok: false, error: { status: 503, code: 'internal', message: '' } }),
    ).toBeNull();
  });
});
