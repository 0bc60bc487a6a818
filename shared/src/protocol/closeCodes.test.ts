import { describe, expect, it } from 'vitest';
import { CLOSE_CODES, describeCloseCode, TERMINAL_CLOSE_CODES } from './closeCodes';

describe('CLOSE_CODES', () => {
  it('are distinct application codes (4000–4999), each with a description', () => {
    const codes = Object.values(CLOSE_CODES);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(code).toBeGreaterThanOrEqual(4000);
      expect(code).toBeLessThanOrEqual(4999);
      expect(describeCloseCode(code)).toBeTruthy();
    }
  });

  it('put "try again" conditions in 45xx, where y-websocket reconnects by default', () => {
    for (const code of [
      CLOSE_CODES.serverShutdown,
      CLOSE_CODES.slowConnection,
      CLOSE_CODES.draftMoved,
      CLOSE_CODES.internalError,
    ]) {
      expect(Math.floor(code / 100)).toBe(45);
      expect(TERMINAL_CLOSE_CODES).not.toContain(code);
    }
  });

  it('leave codes it does not know undescribed', () => {
    expect(describeCloseCode(1000)).toBeUndefined();
  });
});
