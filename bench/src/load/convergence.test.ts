import { describe, expect, it } from 'vitest';
import type { SentKeystrokes } from './arrivalLog';
import { checkConvergence } from './convergence';
import type { FullClientState } from './threads/workerProtocol';

const state = (clientId: number, clocks: [number, number][], hash = 'h'): FullClientState => ({
  room: 'r',
  clientId,
  stateVector: clocks,
  contentHash: hash,
  pending: false,
});
const sender = (client: number, last: number, disconnected = false): SentKeystrokes => ({
  client,
  room: 'r',
  endClocks: [last],
  sentAt: [0],
  disconnected,
});

describe('checkConvergence', () => {
  const clocks: [number, number][] = [
    [1, 40],
    [1000, 3],
    [1001, 5],
  ];

  it('passes identical full clients that hold every keystroke typed', () => {
    expect(
      checkConvergence(
        [state(1000, clocks), state(1001, clocks)],
        [sender(1000, 3), sender(1001, 5)],
        ['r'],
      ),
    ).toEqual({ ok: true, value: 1 });
  });

  it('fails on different drafts, different state vectors, pending structs or a missing keystroke', () => {
    const different = checkConvergence(
      [state(1000, clocks), state(1001, clocks, 'other')],
      [],
      ['r'],
    );
    expect(different.ok ? '' : different.error).toContain('different drafts');
    const behind = checkConvergence(
      [
        state(1000, clocks),
        state(1001, [
          [1, 40],
          [1000, 2],
          [1001, 5],
        ]),
      ],
      [],
      ['r'],
    );
    expect(behind.ok ? '' : behind.error).toContain('different state vectors');
    const pending = checkConvergence([{ ...state(1000, clocks), pending: true }], [], ['r']);
    expect(pending.ok ? '' : pending.error).toContain('pending');
    const lost = checkConvergence([state(1000, clocks)], [sender(1002, 4)], ['r']);
    expect(lost.ok ? '' : lost.error).toContain(
      'sender 1002 typed up to clock 4, the documents hold 0',
    );
    expect(checkConvergence([], [], ['r']).ok).toBe(false);
  });

  it('does not expect the keystrokes of a sender the server dropped', () => {
    expect(checkConvergence([state(1000, clocks)], [sender(1002, 4, true)], ['r']).ok).toBe(true);
  });
});
