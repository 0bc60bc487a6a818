import { bracketCharKey } from '@accord/shared/domain/bracketChars';
import { type ClauseMeta, clauseMetaMap } from '@accord/shared/domain/clauseMeta';
import type { DelegationCode } from '@accord/shared/domain/delegations';
import { DRAFT_FRAGMENT } from '@accord/shared/domain/schema';
import { CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  type Close,
  explainRefusal,
  forbiddenDeletions,
  type RefusalCase,
  updateOfFrame,
} from './refusals';

/**
 * How the co-editing fuzz explains a refusal, on a scene small enough to read: the Chair's clause
 * (client 80), Canada's bracketed words in it (client 2), the server's meta naming Canada the
 * owner (client 1), and the United States (client 3) deleting the clause.
 */

const REASON = "The update removes another delegation's bracket.";
const onlyOwn = (own: DelegationCode) => (owner: DelegationCode) => owner === own;

function updatesOf(doc: Y.Doc, change: () => void): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const log = (update: Uint8Array) => updates.push(update);
  doc.on('update', log);
  change();
  doc.off('update', log);
  return updates;
}

function docWith(clientID: number, updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

function scene() {
  const chair = docWith(80, []);
  const seeded = updatesOf(chair, () => {
    const clause = new Y.XmlElement('clause');
    chair.getXmlFragment(DRAFT_FRAGMENT).insert(0, [clause]);
    const text = new Y.XmlText();
    clause.insert(0, [text]);
    text.insert(0, 'Agree to act ');
  });
  const canada = docWith(2, seeded);
  const bracketed = updatesOf(canada, () => {
    const text = (canada.getXmlFragment(DRAFT_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(text.length, '[now] or later');
  });
  const server = docWith(1, [...seeded, ...bracketed]);
  const meta: ClauseMeta = {
    proposer: null,
    positions: {},
    cleared: [],
    textHash: 'x',
    brackets: {
      [bracketCharKey({ client: 2, clock: 0 })]: { delegation: 'CA', userId: 'u', at: 0 },
    },
  };
  const owned = updatesOf(server, () => clauseMetaMap(server).set('clause-1', meta));
  return { seeded, bracketed, owned, server: [...seeded, ...bracketed, ...owned] };
}

/** The United States, having taken `known` of the server's updates, deletes the clause. */
function usDeletes(
  known: readonly Uint8Array[],
  server: readonly Uint8Array[],
  close: Partial<Close> = {},
): RefusalCase {
  const us = docWith(3, known);
  const [update] = updatesOf(us, () => us.getXmlFragment(DRAFT_FRAGMENT).delete(0, 1));
  if (!update) throw new Error('no update');
  return {
    username: 'us.delegate',
    clientId: 3,
    close: {
      code: CLOSE_CODES.updateRejected,
      reason: REASON,
      step: 12,
      serverTo: server.length,
      ...close,
    },
    sent: [{ update, madeAtStep: 10, known: known.length, sentAtStep: 11, serverFrom: 1 }],
    personUpdates: [...known, update],
    serverUpdates: server,
    mayRemove: onlyOwn('US'),
  };
}

describe('explaining a refusal in the co-editing fuzz', () => {
  it('finds the owned bracket a deleted clause takes with it, unless its owner deletes it', () => {
    const { server } = scene();
    const doc = docWith(9, server);
    const clause = doc.getXmlFragment(DRAFT_FRAGMENT).get(0) as Y.XmlElement;
    const ranges = new Map([
      [clause._item!.id.client, [{ clock: clause._item!.id.clock, len: 1 }]],
    ]);
    expect(forbiddenDeletions(doc, ranges, onlyOwn('US'))).toEqual([
      expect.objectContaining({ open: { client: 2, clock: 0 }, owner: 'CA' }),
    ]);
    expect(forbiddenDeletions(doc, ranges, onlyOwn('CA'))).toEqual([]);
    // Deleting only the ']' is deleting the pair.
    const close = new Map([[2, [{ clock: 4, len: 1 }]]]);
    expect(forbiddenDeletions(doc, close, onlyOwn('US'))).toEqual([
      expect.objectContaining({ how: "deletes its ']' 2:4" }),
    ]);
  });

  it('explains a refusal whose sender had not yet received the bracketed words', () => {
    const { seeded, server } = scene();
    const explanation = explainRefusal(usDeletes(seeded, server));
    expect(explanation.why).toContain("its draft had not the '[' itself");
    expect(explanation.explained).toBe(true);
  });

  it('explains one whose sender had the words but not the meta naming their owner', () => {
    const { seeded, bracketed, server } = scene();
    const explanation = explainRefusal(usDeletes([...seeded, ...bracketed], server));
    expect(explanation.why).toContain('not the meta naming CA their owner');
    expect(explanation.explained).toBe(true);
  });

  it('does not explain one whose sender had been shown the owned bracket', () => {
    const { server } = scene();
    const explanation = explainRefusal(usDeletes(server, server));
    expect(explanation.why).toContain('the bracket guard should have stopped it');
    expect(explanation.explained).toBe(false);
  });

  it('does not explain one when the server held no owned bracket it deletes meanwhile', () => {
    const { seeded, server } = scene();
    // Closed before the server had Canada's words: the bracket cannot be why.
    const explanation = explainRefusal(usDeletes(seeded, server, { serverTo: 1 }));
    expect(explanation.why).toContain('held no bracket of another delegation');
    expect(explanation.explained).toBe(false);
  });

  it('does not explain a close for a rule the fuzz never breaks', () => {
    const { seeded, server } = scene();
    const explanation = explainRefusal(
      usDeletes(seeded, server, { code: CLOSE_CODES.missingDependencies, reason: 'missing' }),
    );
    expect(explanation.why).toContain('no rule the fuzz knows refuses this');
    expect(explanation.explained).toBe(false);
  });

  describe('a lock', () => {
    /** The Chair's clause 'clause-1', then the server's meta locking it. */
    function lockScene() {
      const chair = docWith(80, []);
      const seeded = updatesOf(chair, () => {
        const clause = new Y.XmlElement('clause');
        clause.setAttribute('id', 'clause-1');
        chair.getXmlFragment(DRAFT_FRAGMENT).insert(0, [clause]);
        const text = new Y.XmlText();
        clause.insert(0, [text]);
        text.insert(0, 'Agree to act');
      });
      const server = docWith(1, seeded);
      const lock = { delegation: 'CHAIR' as const, userId: 'chair', at: 0, reason: 'agreed' };
      const meta: ClauseMeta = { proposer: null, positions: {}, cleared: [], textHash: 'x', lock };
      const locked = updatesOf(server, () => clauseMetaMap(server).set('clause-1', meta));
      return { seeded, server: [...seeded, ...locked] };
    }

    /** The United States, having taken `known` of the server's updates, types in the clause. */
    function usTypes(
      known: readonly Uint8Array[],
      server: readonly Uint8Array[],
      serverTo = server.length,
    ) {
      const base = usDeletes(known, server, {
        code: CLOSE_CODES.clauseLocked,
        reason: 'Clause 1 is locked',
        serverTo,
      });
      const us = docWith(3, known);
      const [update] = updatesOf(us, () => {
        const clause = us.getXmlFragment(DRAFT_FRAGMENT).get(0) as Y.XmlElement;
        (clause.get(0) as Y.XmlText).insert(5, 'x');
      });
      if (!update) throw new Error('no update');
      const frame = { ...base.sent[0]!, update };
      return { ...base, sent: [frame], personUpdates: [...known, update] };
    }

    it('explains a change to a clause locked after the sender last heard from the server', () => {
      const { seeded, server } = lockScene();
      const explanation = explainRefusal(usTypes(seeded, server));
      expect(explanation.why).toContain('lock race: it touches clause clause-1 (locked by CHAIR)');
      expect(explanation.explained).toBe(true);
    });

    it('does not explain one whose sender had been shown the lock', () => {
      const { server } = lockScene();
      const explanation = explainRefusal(usTypes(server, server));
      expect(explanation.why).toContain('the lock guard should have stopped it');
      expect(explanation.explained).toBe(false);
    });

    it('does not explain one when the clause was not locked meanwhile', () => {
      const { seeded, server } = lockScene();
      const explanation = explainRefusal(usTypes(seeded, server, 1));
      expect(explanation.why).toContain('had no clause it touches locked');
      expect(explanation.explained).toBe(false);
    });
  });

  it('reads the Yjs update out of a sync step 2 or update frame, and nothing else', () => {
    const { server } = scene();
    const update = Y.mergeUpdates(server);
    expect(update.length).toBeGreaterThan(127);
    const length = [(update.length & 0x7f) | 0x80, update.length >> 7];
    for (const syncType of [1, 2]) {
      const frame = new Uint8Array([0, syncType, ...length, ...update]);
      expect(updateOfFrame(frame)).toEqual(update);
    }
    expect(updateOfFrame(new Uint8Array([0, 0, 1, 0]))).toBeNull();
    expect(updateOfFrame(new Uint8Array([1, 3, 1, 2, 3]))).toBeNull();
  });
});
