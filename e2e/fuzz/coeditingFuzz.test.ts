import { DRAFT_FRAGMENT } from '@accord/shared/domain/schema';
import { can } from '@accord/shared/policy/policy';
import type { AwarenessUser, MeResponse, NegotiationResponse } from '@accord/shared/protocol/api';
import { SYNC_PATH } from '@accord/shared/protocol/api';
import { REFUSED_CHANGE_CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import { seededRandom } from '@accord/shared/testing/seededRandom';
import { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import {
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
  yUndoPluginKey,
  yXmlFragmentToProsemirrorJSON,
} from '@tiptap/y-tiptap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { communiqueEditorExtensions } from '../../client/src/editor/editorExtensions';
import {
  type AccordProcess,
  DEMO_PASSWORD,
  removeDataDir,
  startAccord,
} from '../support/accordProcess';
import { FrameGate, heldSocket } from './heldSocket';
import { type Close, explainRefusal, type SentFrame, updateOfFrame } from './refusals';

/**
 * Co-editing fuzz (issue 12): 3 to 6 people type, delete, split and merge clauses and undo, each at
 * a caret of their own, in real ProseMirror views (Tiptap with every Accord extension and the real
 * y-tiptap binding) synced through the built server, while a seeded schedule decides when each
 * frame reaches the server and each editor. Whenever a person stops typing, the characters they
 * just typed must stand whole, in order, right before their caret; at the end every editor, every
 * Y.Doc and the server hold the same draft.
 *
 * Each seed runs against a server as shipped (group commit and coalescing on) and one with both off.
 * The server may refuse a change only for a reason its rules give, which the fuzz must find
 * (`explainRefusal`): a person deleted another delegation's bracket, or changed a locked clause,
 * that their editor had not yet been shown so (the editors run the real bracket guard, which
 * stops the ones it knows of). Any other refusal or close fails the run.
 *
 * Replay one seed: ACCORD_FUZZ_SEED=<seed> [ACCORD_FUZZ_STEPS=<n>]
 * [ACCORD_FUZZ_SETTINGS=shipped|'group commit and coalescing off'] pnpm --filter @accord/e2e fuzz
 */

const SEEDS = process.env.ACCORD_FUZZ_SEED
  ? [Number(process.env.ACCORD_FUZZ_SEED)]
  : [0x5eed01, 0x5eed02, 0x5eed03, 0x5eed04];
/**
 * The server's sync settings each seed runs with: as shipped (group commit and one write per
 * peer per turn, issue 17), and both off, which changes when frames reach the editors.
 */
const SETTINGS = {
  shipped: { ACCORD_GROUP_COMMIT: 'true', ACCORD_COALESCE_FRAMES: 'true' },
  'group commit and coalescing off': {
    ACCORD_GROUP_COMMIT: 'false',
    ACCORD_COALESCE_FRAMES: 'false',
  },
} as const;
type Settings = keyof typeof SETTINGS;
/** ACCORD_FUZZ_SETTINGS=shipped (or the other name) runs one of them only. */
const CHOSEN = process.env.ACCORD_FUZZ_SETTINGS as Settings | undefined;
if (CHOSEN !== undefined && !(CHOSEN in SETTINGS)) {
  throw new Error(`ACCORD_FUZZ_SETTINGS must be one of: ${Object.keys(SETTINGS).join(', ')}`);
}
const RUNS = SEEDS.flatMap((seed) =>
  (Object.keys(SETTINGS) as Settings[])
    .filter((settings) => CHOSEN === undefined || settings === CHOSEN)
    .map((settings) => ({ seed, settings })),
);
const STEPS = Number(process.env.ACCORD_FUZZ_STEPS ?? 400);
const USERNAMES = [
  'us.delegate',
  'ca.delegate',
  'mx.delegate',
  'sv.delegate',
  'gt.delegate',
  'chair',
];
/** Each person types letters of their own, so a scrambled run shows whose keys went where. */
const ALPHABETS = ['abcde', 'fghij', 'klmno', 'pqrst', 'uvwxy', 'ABCDE'];

interface CharId {
  client: number;
  clock: number;
}

/** A typed character, and what its typist's editor had received when it was typed. */
interface TypedChar extends CharId {
  seen: Map<number, number>;
}

/** A split, merge or undo, and what its author's editor had received then. */
interface StructuralEdit {
  client: number;
  /** The author's clock after the edit. */
  clock: number;
  seen: Map<number, number>;
}

/** Keys typed one after another at one caret, without moving it. */
interface Run {
  text: string;
  chars: TypedChar[];
}

interface Person {
  username: string;
  alphabet: string;
  user: AwarenessUser;
  doc: Y.Doc;
  provider: WebsocketProvider;
  editor: Editor;
  gate: FrameGate;
  closes: Close[];
  run: Run | null;
  /** Every update this person's Y.Doc took, in order: what their editor knew at each point. */
  updates: Uint8Array[];
  /** Every update frame their socket let through to the server, in order. */
  sent: SentFrame[];
  /** How many edits the bracket guard stopped in their editor. */
  blocked: number;
}

/** Where the run is: its step, and what the server has committed (the observer's updates). */
interface Progress {
  step: number;
  serverUpdates: Uint8Array[];
}

interface Session {
  cookie: string;
  user: AwarenessUser;
  documentId: string;
}

async function signIn(url: string, username: string): Promise<Session> {
  const headers = { 'content-type': 'application/json', origin: url };
  const login = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!login.ok) throw new Error(`sign-in of ${username} failed: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const me = (await login.json()) as MeResponse;
  const membership = me.memberships[0];
  if (!membership) throw new Error(`${username} has no negotiation`);
  const negotiation = (await (
    await fetch(`${url}/api/negotiations/${membership.negotiationId}`, { headers: { cookie } })
  ).json()) as NegotiationResponse;
  const documentId = negotiation.documents[0]?.id;
  if (!documentId) throw new Error('the demo draft is missing');
  return {
    cookie,
    documentId,
    user: {
      userId: me.user.id,
      name: me.user.displayName,
      delegation: membership.delegation,
      role: membership.role,
      color: '#336699',
    },
  };
}

function join(
  url: string,
  username: string,
  alphabet: string,
  session: Session,
  progress: Progress,
): Person {
  const doc = new Y.Doc();
  const gate = new FrameGate();
  const updates: Uint8Array[] = [];
  const sent: SentFrame[] = [];
  const made = new WeakMap<Uint8Array, { update: Uint8Array; madeAtStep: number; known: number }>();
  gate.onQueued = (frame) => {
    const update = updateOfFrame(frame);
    // The provider sends from its own 'update' listener, before ours logs the update.
    if (update) made.set(frame, { update, madeAtStep: progress.step, known: updates.length });
  };
  gate.onSent = (frame) => {
    const stamp = made.get(frame);
    if (stamp) {
      sent.push({
        ...stamp,
        sentAtStep: progress.step,
        serverFrom: progress.serverUpdates.length,
      });
    }
  };
  const provider = new WebsocketProvider(
    `${url.replace(/^http/, 'ws')}${SYNC_PATH}`,
    session.documentId,
    doc,
    {
      disableBc: true,
      WebSocketPolyfill: heldSocket(session.cookie, url, gate) as unknown as typeof WebSocket,
    },
  );
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const closes: Close[] = [];
  provider.on('connection-close', (event) => {
    const close: Close = {
      code: event?.code ?? 0,
      reason: event?.reason ?? 'closed by the client',
      step: progress.step,
      serverTo: progress.serverUpdates.length,
    };
    closes.push(close);
    // The server's commits just before the refusal may reach the observer a moment after it.
    setTimeout(() => {
      close.serverTo = progress.serverUpdates.length;
    }, 50);
  });
  let blocked = 0;
  const host = document.createElement('div');
  document.body.append(host);
  const editor = new Editor({
    element: host,
    extensions: communiqueEditorExtensions({
      doc,
      provider,
      user: session.user,
      // The guard as the app wires it: who may remove whose brackets, by the policy.
      bracketGuard: {
        mayRemove: (owner) => can(session.user, 'removeBracket', { delegation: owner }),
        onBlocked: () => {
          blocked++;
        },
      },
      onBlocked: () => {},
      onComment: null,
      timeZone: 'America/New_York',
    }),
  });
  return {
    username,
    alphabet,
    user: session.user,
    doc,
    provider,
    editor,
    gate,
    closes,
    run: null,
    updates,
    sent,
    get blocked() {
      return blocked;
    },
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

/**
 * Whether the server refused a change of this person's (and closed their connection; the stock
 * provider does not reconnect after a 44xx close). The app would start over from the server's
 * draft with a notice; that person's document is thrown away, so it is left out of the
 * convergence checks. Every refusal must be explained by a rule (`explainRefusal`).
 */
function refused(person: Person): boolean {
  return person.closes.some((close) =>
    (REFUSED_CHANGE_CLOSE_CODES as readonly number[]).includes(close.code),
  );
}

/** Lets every held frame through, both ways, until all Y.Docs and the server agree. */
async function settle(people: Person[], observer: Y.Doc): Promise<void> {
  const deadline = Date.now() + 20_000;
  const agreed = () => {
    const vector = Y.encodeStateVector(observer).toString();
    return people.every(
      (person) =>
        refused(person) ||
        (person.gate.held === 0 && Y.encodeStateVector(person.doc).toString() === vector),
    );
  };
  let quiet = 0;
  while (quiet < 5) {
    if (Date.now() > deadline) {
      const states = people.map(
        (person) =>
          `${person.username}: ${person.gate.held} frames held, closes [${person.closes.map((c) => `${c.code} ${c.reason}`)}], ` +
          `state ${JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(person.doc))])}`,
      );
      const server = JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(observer))]);
      throw new Error(
        `The drafts did not settle within 20 s.\nserver ${server}\n${states.join('\n')}`,
      );
    }
    for (const person of people) person.gate.releaseOutbound();
    await new Promise((resolve) => setTimeout(resolve, 20));
    for (const person of people) person.gate.releaseInbound();
    await tick();
    quiet = agreed() ? quiet + 1 : 0;
  }
}

/** The PM position of a character, in this person's editor, or null when it has not arrived. */
function charPosition(person: Person, id: CharId): number | null {
  if (Y.getState(person.doc.store, id.client) <= id.clock) return null;
  const sync = ySyncPluginKey.getState(person.editor.state) as
    | { binding: { mapping: Parameters<typeof relativePositionToAbsolutePosition>[3] } }
    | undefined;
  if (!sync) return null;
  return relativePositionToAbsolutePosition(
    person.doc,
    person.doc.getXmlFragment(DRAFT_FRAGMENT),
    Y.createRelativePositionFromJSON({ item: id, assoc: 0 }),
    sync.binding.mapping,
  );
}

/**
 * Where `person` must not put a caret, delete or split: the words others are typing now, as this
 * person sees them, with two characters around. Typing into someone's words is a person's right,
 * but then those words are no longer one run, which is what this test checks.
 */
function busyZones(person: Person, people: Person[]): [number, number][] {
  const zones: [number, number][] = [];
  for (const other of people) {
    if (other === person || other.run === null) continue;
    const positions = other.run.chars
      .map((char) => charPosition(person, char))
      .filter((pos): pos is number => pos !== null);
    if (positions.length === 0) continue;
    zones.push([Math.min(...positions) - 2, Math.max(...positions) + 3]);
  }
  return zones;
}

function inZone(pos: number, zones: [number, number][]): boolean {
  return zones.some(([from, to]) => pos >= from && pos <= to);
}

/** Every clause's content range in this person's editor. */
function clauses(person: Person): { from: number; to: number }[] {
  const ranges: { from: number; to: number }[] = [];
  person.editor.state.doc.forEach((node, offset) => {
    if (node.type.name === 'clause') {
      ranges.push({ from: offset + 1, to: offset + 1 + node.content.size });
    }
  });
  return ranges;
}

function stateOf(doc: Y.Doc): Map<number, number> {
  return Y.decodeStateVector(Y.encodeStateVector(doc));
}

function isDeleted(doc: Y.Doc, id: CharId): boolean {
  const item = Y.getItem(doc.store, Y.createID(id.client, id.clock));
  return !(item instanceof Y.Item) || item.deleted;
}

function textBeforeCaret(person: Person): string {
  const { $head } = person.editor.state.selection;
  return $head.parent.textBetween(0, $head.parentOffset, undefined, '\ufffc');
}

function stopCapturing(person: Person): void {
  const undo = yUndoPluginKey.getState(person.editor.state) as
    | { undoManager?: Y.UndoManager }
    | undefined;
  undo?.undoManager?.stopCapturing();
}

describe.each(RUNS)('co-editing fuzz, seed $seed, $settings', ({ seed, settings }) => {
  let accord: AccordProcess;
  let people: Person[] = [];
  let observer: { doc: Y.Doc; provider: WebsocketProvider } | null = null;
  const progress: Progress = { step: -1, serverUpdates: [] };

  beforeAll(async () => {
    accord = await startAccord({ env: SETTINGS[settings] });
  });

  afterAll(async () => {
    for (const person of people) {
      person.editor.destroy();
      person.provider.destroy();
    }
    observer?.provider.destroy();
    await accord.stop();
    removeDataDir(accord.dataDir);
  });

  it(`${STEPS} steps: every run of keys stays whole at its caret, and all converge`, async () => {
    const random = seededRandom(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const count = 3 + Math.floor(random() * 4);
    const sessions = await Promise.all(
      USERNAMES.slice(0, count).map((username) => signIn(accord.url, username)),
    );
    people = sessions.map((session, i) =>
      join(accord.url, USERNAMES[i] ?? '', ALPHABETS[i] ?? 'z', session, progress),
    );
    const observerDoc = new Y.Doc();
    // The observer's gate is open: it holds what the server committed, in the order it did.
    observerDoc.on('update', (update: Uint8Array) => progress.serverUpdates.push(update));
    const first = sessions[0];
    if (!first) throw new Error('no session');
    observer = {
      doc: observerDoc,
      provider: new WebsocketProvider(
        `${accord.url.replace(/^http/, 'ws')}${SYNC_PATH}`,
        first.documentId,
        observerDoc,
        {
          disableBc: true,
          WebSocketPolyfill: heldSocket(
            first.cookie,
            accord.url,
            new FrameGate({ open: true }),
          ) as unknown as typeof WebSocket,
        },
      ),
    };
    await settle(people, observerDoc);

    const failures: string[] = [];
    const log: string[] = [];
    let runsChecked = 0;
    let runsExempt = 0;
    const where = (person: Person) => `${person.username} at step ${log.length}`;

    const endRun = (person: Person) => {
      const run = person.run;
      person.run = null;
      stopCapturing(person);
      if (run === null || run.text === '') return;
      // A split or merge concurrent with a key (its author had not seen the key, and the typist
      // had not seen the split) re-creates the words it saw and leaves the key behind, or takes it
      // away with a merged clause: a limit of y-prosemirror writing a split or a join as delete and
      // insert. Such a run is set aside, but only when its own characters were indeed carried off
      // or left behind in another clause than the caret's.
      const caretBlock = person.editor.state.selection.$head.start();
      const leftBehind = (char: TypedChar) => {
        const pos = charPosition(person, char);
        return pos !== null && person.editor.state.doc.resolve(pos).start() !== caretBlock;
      };
      if (
        run.chars.some((char) => isDeleted(person.doc, char) || leftBehind(char)) &&
        run.chars.some((char) => structural.some((edit) => concurrent(edit, char)))
      ) {
        runsExempt++;
        return;
      }
      runsChecked++;
      const before = textBeforeCaret(person);
      if (!before.endsWith(run.text)) {
        const chars = run.chars
          .map((char, i) => {
            const state = isDeleted(person.doc, char) ? 'deleted' : 'live';
            const edits = structural.filter((edit) => concurrent(edit, char)).length;
            const pos = charPosition(person, char);
            const around =
              pos === null
                ? ''
                : ` at ${pos} "${person.editor.state.doc.textBetween(Math.max(0, pos - 8), Math.min(person.editor.state.doc.content.size, pos + 8), '¶', '\ufffc')}"`;
            return `${run.text[i]} ${char.client}:${char.clock} ${state}${around}${edits ? `, ${edits} concurrent structural edits` : ''}`;
          })
          .join('; ');
        failures.push(
          `${where(person)}: typed "${run.text}" but the text before the caret (${person.editor.state.selection.head}) is "…${before.slice(-run.text.length - 12)}" (${chars}); last steps:\n  ${log.slice(-60).join('\n  ')}`,
        );
      }
    };

    const structural: StructuralEdit[] = [];
    /** Records a split, merge or undo, unless the bracket guard stopped it (`blockedBefore`). */
    const recordStructural = (person: Person, blockedBefore: number) => {
      if (person.blocked !== blockedBefore) return;
      structural.push({
        client: person.doc.clientID,
        clock: Y.getState(person.doc.store, person.doc.clientID),
        seen: stateOf(person.doc),
      });
    };
    const concurrent = (edit: StructuralEdit, char: TypedChar) =>
      edit.client !== char.client &&
      (edit.seen.get(char.client) ?? 0) <= char.clock &&
      (char.seen.get(edit.client) ?? 0) < edit.clock;

    const placeCaret = (person: Person): boolean => {
      const zones = busyZones(person, people);
      const ranges = clauses(person);
      if (ranges.length === 0) {
        const nodes: string[] = [];
        person.editor.state.doc.forEach((node) => {
          nodes.push(`${node.type.name}(${node.textContent.slice(0, 30)})`);
        });
        throw new Error(
          `${where(person)}: no clause left in the editor; closes [${person.closes.map((c) => `${c.code} ${c.reason}`)}]; doc ${nodes.join(' ')}; Y.Doc has ${person.doc.getXmlFragment(DRAFT_FRAGMENT).length} blocks; last steps:\n  ${log.slice(-40).join('\n  ')}`,
        );
      }
      for (let attempt = 0; attempt < 12; attempt++) {
        const range = pick(ranges);
        const pos = range.from + Math.floor(random() * (range.to - range.from + 1));
        if (inZone(pos, zones)) continue;
        const { state, view } = person.editor;
        view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, pos)));
        return true;
      }
      return false;
    };

    const caretFree = (person: Person) =>
      person.editor.state.selection.$head.parent.type.name === 'clause' &&
      !inZone(person.editor.state.selection.head, busyZones(person, people));

    const actions: [number, string, (person: Person) => void][] = [
      [
        50,
        'type',
        (person) => {
          if (person.run === null) {
            if (!caretFree(person) && !placeCaret(person)) return;
            person.run = { text: '', chars: [] };
          }
          const key = pick([...person.alphabet]);
          const before = Y.getState(person.doc.store, person.doc.clientID);
          const { view } = person.editor;
          view.dispatch(view.state.tr.insertText(key));
          const after = Y.getState(person.doc.store, person.doc.clientID);
          if (after === before) return;
          person.run.text += key;
          person.run.chars.push({
            client: person.doc.clientID,
            clock: after - 1,
            seen: stateOf(person.doc),
          });
        },
      ],
      [
        8,
        'move',
        (person) => {
          endRun(person);
          placeCaret(person);
        },
      ],
      [
        8,
        'delete',
        (person) => {
          endRun(person);
          const zones = busyZones(person, people);
          const { state, view } = person.editor;
          const { $head } = state.selection;
          if ($head.parent.type.name !== 'clause') return;
          const from = Math.max($head.start(), $head.pos - Math.floor(random() * 8));
          const to = Math.min($head.end(), from + 1 + Math.floor(random() * 8));
          if (from >= to || zones.some(([a, b]) => from <= b && to >= a)) return;
          view.dispatch(state.tr.delete(from, to));
        },
      ],
      [
        4,
        'split',
        (person) => {
          endRun(person);
          if (!caretFree(person)) return;
          const before = person.blocked;
          person.editor.commands.keyboardShortcut('Enter');
          recordStructural(person, before);
        },
      ],
      [
        3,
        'merge',
        (person) => {
          endRun(person);
          const zones = busyZones(person, people);
          const ranges = clauses(person).slice(1);
          const range = ranges.length > 0 ? pick(ranges) : null;
          if (range === null || inZone(range.from, zones)) return;
          const { state, view } = person.editor;
          view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, range.from)));
          const before = person.blocked;
          person.editor.commands.keyboardShortcut('Backspace');
          recordStructural(person, before);
        },
      ],
      [
        3,
        'undo',
        (person) => {
          endRun(person);
          const before = person.blocked;
          person.editor.commands.undo();
          recordStructural(person, before);
        },
      ],
      [
        24,
        'deliver',
        (person) => {
          person.gate.releaseOutbound(Math.floor(random() * 4));
          person.gate.releaseInbound(Math.floor(random() * 6));
        },
      ],
    ];
    const total = actions.reduce((sum, [weight]) => sum + weight, 0);

    for (let step = 0; step < STEPS; step++) {
      progress.step = step;
      const person = pick(people);
      const roll = random() * total;
      let sum = 0;
      const action = actions.find(([weight]) => {
        sum += weight;
        return roll < sum;
      });
      if (!action) continue;
      const before = person.editor.state.selection.head;
      action[2](person);
      const { head, $head } = person.editor.state.selection;
      log.push(
        `${person.username} ${action[1]} ${before}→${head} "${$head.parent.textBetween(Math.max(0, $head.parentOffset - 10), $head.parentOffset)}|"`,
      );
      await tick();
    }
    for (const person of people) endRun(person);
    await settle(people, observerDoc);

    const context = `seed ${seed}, ${settings} (replay: ACCORD_FUZZ_SEED=${seed} ACCORD_FUZZ_STEPS=${STEPS} ACCORD_FUZZ_SETTINGS='${settings}')`;
    expect(failures, context).toEqual([]);
    // The schedule must have exercised what it checks: many runs, few of them set aside.
    expect(runsChecked, context).toBeGreaterThan(STEPS / 20);
    expect(runsExempt, context).toBeLessThan(runsChecked);
    const blocked = people.reduce((sum, person) => sum + person.blocked, 0);
    console.log(
      `${context}: ${count} people, ${runsChecked} runs checked, ${runsExempt} set aside, ${blocked} edits stopped by the bracket guard`,
    );

    // Every refusal must have a reason the rules allow; any other close is a failure.
    const raced = people.filter(refused);
    const explanations = raced.map((person) => {
      const [close, ...more] = person.closes;
      if (close === undefined || more.length > 0) {
        return {
          explained: false,
          why: `${person.username} was closed more than once: ${person.closes.map((c) => `${c.code} ${c.reason} at step ${c.step}`).join('; ')}`,
        };
      }
      return explainRefusal({
        username: person.username,
        clientId: person.doc.clientID,
        close,
        sent: person.sent,
        personUpdates: person.updates,
        serverUpdates: progress.serverUpdates,
        mayRemove: (owner) => can(person.user, 'removeBracket', { delegation: owner }),
      });
    });
    for (const { why } of explanations.filter((e) => e.explained))
      console.log(`${context}: ${why}`);
    expect(
      explanations.filter((e) => !e.explained).map((e) => e.why),
      `${context}: every refusal is explained by a rule`,
    ).toEqual([]);
    const closes = people
      .filter((person) => !raced.includes(person))
      .flatMap((p) =>
        p.closes.map((c) => `${p.username}: ${c.code} ${c.reason} at step ${c.step}`),
      );
    expect(closes, `${context}: no other connection was refused or dropped`).toEqual([]);
    // Convergence must still compare an editor with the server's draft. (Refusals are not
    // counted: over a long run, a frame held for hundreds of steps is often raced.)
    expect(people.length - raced.length, `${context}: people left to converge`).toBeGreaterThan(0);

    const server = observerDoc.getXmlFragment(DRAFT_FRAGMENT).toJSON();
    for (const person of people.filter((person) => !raced.includes(person))) {
      expect(person.doc.getXmlFragment(DRAFT_FRAGMENT).toJSON(), context).toBe(server);
      const fromYjs = yXmlFragmentToProsemirrorJSON(person.doc.getXmlFragment(DRAFT_FRAGMENT));
      expect(person.editor.state.doc.toJSON(), context).toEqual(
        person.editor.schema.nodeFromJSON(fromYjs).toJSON(),
      );
    }
    const ids: unknown[] = [];
    people
      .find((person) => !raced.includes(person))
      ?.editor.state.doc.forEach((node) => {
        if (node.type.name === 'clause') ids.push(node.attrs.id);
      });
    expect(new Set(ids).size, `${context}: clause ids stay unique`).toBe(ids.length);
  });
});
