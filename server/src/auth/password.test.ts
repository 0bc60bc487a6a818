import { describe, expect, it } from 'vitest';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password';

describe('passwords', () => {
  it('hashes with argon2id at m=19456, t=2, p=1 and a random salt', async () => {
    const first = await hashPassword('correct horse battery');
    const second = await hashPassword('correct horse battery');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
  });

  it('verifies the right password only', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse battery ')).toBe(false);
  });

  it('never matches a malformed hash', async () => {
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });

  it('does the argon2 work for unknown users and always fails', async () => {
    expect(await verifyAgainstDummy('anything')).toBe(false);
  });
});
