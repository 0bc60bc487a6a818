import { afterEach, describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { RENEW_AFTER_MS, renewIfStale } from './presenceRenewal';

const created: Awareness[] = [];
afterEach(() => {
  for (const awareness of created.splice(0)) awareness.destroy();
});

function awareness(): Awareness {
  const made = new Awareness(new Y.Doc());
  created.push(made);
  return made;
}

describe('renewIfStale', () => {
  it('renews an old presence, which bumps its clock so that others keep it', () => {
    const page = awareness();
    page.setLocalStateField('cursor', null);
    const meta = page.meta.get(page.clientID);
    if (meta === undefined) throw new Error('no meta');
    const clock = meta.clock;
    expect(renewIfStale(page, meta.lastUpdated + RENEW_AFTER_MS - 1)).toBe(false);
    expect(page.meta.get(page.clientID)?.clock).toBe(clock);
    expect(renewIfStale(page, meta.lastUpdated + RENEW_AFTER_MS)).toBe(true);
    expect(page.meta.get(page.clientID)?.clock).toBe(clock + 1);
    expect(page.getLocalState()).toEqual({ cursor: null });
  });

  it('never brings back a presence the page withdrew', () => {
    const page = awareness();
    page.setLocalState(null);
    expect(renewIfStale(page, Date.now() + 10 * RENEW_AFTER_MS)).toBe(false);
    expect(page.getLocalState()).toBeNull();
  });
});
