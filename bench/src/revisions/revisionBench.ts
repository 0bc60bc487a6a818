import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentCommandContext } from '@accord/server/src/commands/CommandContext';
import type { CommandError } from '@accord/server/src/commands/CommandError';
import { describeCommandError } from '@accord/server/src/commands/commandErrorTable';
import { issueRevision } from '@accord/server/src/commands/issueRevision';
import { renderCompareDocx } from '@accord/server/src/export/renderCompareDocx';
import { seedDemo } from '@accord/server/src/seed/demo';
import { buildServices } from '@accord/server/src/services';
import { SqliteStorage } from '@accord/server/src/storage/sqlite/SqliteStorage';
import { DRAFT_FRAGMENT, NODE_NAMES } from '@accord/shared/domain/schema';
import { renderCompareHtml } from '@accord/shared/revisions/renderCompare';
import { seededRandom } from '@accord/shared/testing/seededRandom';
import * as Y from 'yjs';
import { summarise } from '../load/stats';
import { buildCommunique } from '../scale/buildCommunique';

/**
 * Issuing and comparing revisions of the 1,000-clause communiqué (issue 15), in process, on the
 * real issueRevision command and RevisionService over SQLite in a temporary folder and a real SyncServer (no sockets):
 * issue Rev.1, change the draft between (50 clauses reworded, 5 deleted, 5 added at the top so
 * that every clause is renumbered), issue Rev.2, then compare Rev.1↔Rev.2 and Rev.2↔current and
 * render the comparison as HTML and Word. `pnpm --filter @accord/bench exec tsx
 * src/revisions/revisionBench.ts [--quick]`. Bounded: a fixed number of repetitions.
 */

const quick = process.argv.includes('--quick');
const CLAUSES = quick ? 100 : 1_000;
const EDITS = quick ? 5_000 : 100_000;
const REPEAT = quick ? 3 : 10;

function time<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

async function timeAsync<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
}

/** The edits between Rev.1 and Rev.2, made on a copy of the draft and returned as one update. */
function editsBetween(state: Uint8Array): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  doc.clientID = 1000;
  const before = Y.encodeStateVector(doc);
  const random = seededRandom(15);
  const fragment = doc.getXmlFragment(DRAFT_FRAGMENT);
  const clauses = () =>
    fragment
      .toArray()
      .filter(
        (node): node is Y.XmlElement =>
          node instanceof Y.XmlElement && node.nodeName === NODE_NAMES.clause,
      );
  doc.transact(() => {
    for (let index = 0; index < 50; index++) {
      const list = clauses();
      const text = list[Math.floor(random() * list.length)]?.get(0);
      if (text instanceof Y.XmlText)
        text.insert(Math.floor(random() * (text.length + 1)), 'newly agreed wording ');
    }
    for (let index = 0; index < 5; index++) {
      const at = 1 + Math.floor(random() * (fragment.length - 1));
      fragment.delete(at, 1);
    }
    for (let index = 0; index < 5; index++) {
      const clause = new Y.XmlElement(NODE_NAMES.clause);
      clause.setAttribute('id', `bench-added-${index}`);
      clause.setAttribute('kind', 'preambular');
      clause.insert(0, [new Y.XmlText('Welcoming the added paragraph of the second reading,')]);
      fragment.insert(1, [clause]);
    }
  });
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return update;
}

async function main(): Promise<void> {
  const history = time(() => buildCommunique({ clauses: CLAUSES, edits: EDITS, authors: 5 }));
  const dataDir = mkdtempSync(join(tmpdir(), 'accord-revision-bench-'));
  const opened = SqliteStorage.open(dataDir, { defaultTimeZone: 'UTC' });
  if (!opened.ok) throw new Error(opened.error);
  const storage = opened.value;
  try {
    const demo = await seedDemo(storage, 'not-a-real-hash');
    const negotiationId = (await storage.documents.byId(demo.documentId))?.negotiationId ?? '';
    const document = await storage.documents.create({
      id: 'bench-draft',
      negotiationId,
      title: 'Bench',
    });
    await storage.updates.append(document.id, history.value.state, null);
    // The server's own wiring (services built once), without deadline timers.
    const services = buildServices(storage, {
      log: (level, message) => {
        if (level === 'error') console.error(message);
      },
      timers: null,
    });
    const { sync, revisions: service } = services;
    const chair = await storage.users.byUsername('chair');
    const membership = chair && (await storage.negotiations.membership(negotiationId, chair.id));
    const negotiation = await storage.negotiations.byId(negotiationId);
    if (!chair || !membership || !negotiation) throw new Error('no chair');
    const ctx: DocumentCommandContext = {
      actor: { kind: 'member', userId: chair.id, membership },
      access: { negotiation, document },
      documents: sync,
      storage,
      audit: services.audit,
      now: Date.now,
    };
    const refusal = (error: CommandError) => new Error(describeCommandError(error).message);
    // Load the draft once, as a running server has it in memory.
    await sync.readDocument(document.id, () => undefined);

    const issueTimes: number[] = [];
    for (let index = 0; index < REPEAT; index++) {
      const issued = await timeAsync(async () =>
        issueRevision(ctx, { note: 'bench', symbol: `B/${index}` }),
      );
      if (!issued.value.ok) throw refusal(issued.value.error);
      issueTimes.push(issued.ms);
    }
    const rev1 = REPEAT;
    const update = editsBetween(history.value.state);
    const applied = await sync.withDocument(document.id, (loaded) =>
      Y.applyUpdate(loaded.doc, update),
    );
    if (!applied.ok) throw new Error('edits not applied');
    const rev2 = await issueRevision(ctx, { note: 'bench', symbol: 'B/final' });
    if (!rev2.ok) throw refusal(rev2.error);

    const compareTimes: number[] = [];
    const currentTimes: number[] = [];
    let comparison = null;
    for (let index = 0; index < REPEAT; index++) {
      const compared = await timeAsync(async () =>
        service.compare(document, rev1, rev2.value.number),
      );
      if (!compared.value.ok) throw new Error(compared.value.error.message);
      comparison = compared.value.value;
      compareTimes.push(compared.ms);
      currentTimes.push(
        (await timeAsync(async () => service.compare(document, rev1, 'current'))).ms,
      );
    }
    if (comparison === null) throw new Error('no comparison');
    const html = time(() => renderCompareHtml(comparison, 'UTC'));
    const docx = await timeAsync(() =>
      renderCompareDocx(comparison, { timeZone: 'UTC', author: 'Bench' }),
    );
    const stored = await storage.revisions.byNumber(document.id, rev1);
    const lines = [
      `# Revisions benchmark (${quick ? 'quick' : 'full'})`,
      '',
      `Draft: ${history.value.clauses} clauses built by ${EDITS} edits (built in ${history.ms.toFixed(0)} ms).`,
      `Stored revision: state ${stored?.state.length ?? 0} bytes (V2), canonical JSON ${stored?.contentJson.length ?? 0} bytes.`,
      `Between Rev.1 and Rev.2: 50 rewordings, 5 deletions, 5 clauses added at the top. Counts: ${JSON.stringify(comparison.counts)}.`,
      '',
      '| step | median ms | p95 ms | max ms | runs |',
      '| --- | ---: | ---: | ---: | ---: |',
      ...(
        [
          ['issue (read state V2 + canonical JSON + SHA-256 + SQLite insert + audit)', issueTimes],
          ['compare Rev.1 ↔ Rev.2 (stored JSON parsed, aligned, word diff)', compareTimes],
          ['compare Rev.1 ↔ current draft', currentTimes],
        ] as const
      ).map(([name, samples]) => {
        const summary = summarise([...samples]);
        return `| ${name} | ${summary.p50.toFixed(1)} | ${summary.p95.toFixed(1)} | ${summary.max.toFixed(1)} | ${samples.length} |`;
      }),
      `| render comparison HTML (${html.value.length} bytes) | ${html.ms.toFixed(1)} | | | 1 |`,
      `| render comparison Word with tracked changes (${docx.value.length} bytes) | ${docx.ms.toFixed(1)} | | | 1 |`,
    ];
    console.log(lines.join('\n'));
    if (!quick)
      writeFileSync(
        new URL('../../results/revisions-latest.md', import.meta.url),
        `${lines.join('\n')}\n`,
      );
    await sync.shutdown();
  } finally {
    await storage.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
