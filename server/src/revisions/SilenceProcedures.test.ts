import { readClauseMeta } from '@accord/shared/domain/clauseMeta';
import { ADOPTED_LOCK_REASON } from '@accord/shared/revisions/silence';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { issueRevision } from '../commands/issueRevision';
import { type CommandTestBed, openCommandTestBed } from '../testing/commandTestKit';
import { RevisionService } from './RevisionService';
import { ManualSilenceTimers } from './silenceTimers';

/** Silence procedures over the real wiring, with the test timer seam (SPEC R3). */

let bed: CommandTestBed;
let timers: ManualSilenceTimers;
let logged: string[];
let service: RevisionService;

beforeEach(async () => {
  bed = await openCommandTestBed();
  timers = new ManualSilenceTimers(bed.clock.now);
  logged = [];
  service = new RevisionService({
    storage: bed.storage,
    sync: bed.services.sync,
    audit: bed.services.audit,
    now: timers.now,
    timers,
    log: (level, message) => logged.push(`${level}: ${message}`),
  });
});
afterEach(async () => {
  await service.stop();
  await bed.close();
});

const HOUR = 3_600_000;

/** Issues Rev.1 and puts it under silence until an hour from now; returns the deadline. */
async function underSilence(): Promise<number> {
  const issued = await issueRevision(await bed.as('chair'), { note: '', symbol: 'NA/2026/L.1' });
  expect(issued.ok).toBe(true);
  const chair = await bed.as('chair');
  const deadline = timers.now() + HOUR;
  const started = await service.startSilence(
    chair.access.document,
    { userId: chair.actor.userId, membership: chair.actor.membership },
    1,
    deadline,
  );
  expect(started).toMatchObject({ ok: true, value: { state: 'running', deadline } });
  expect(timers.waiting).toBe(1);
  return deadline;
}

async function tariffsLock() {
  const read = await bed.services.sync.readDocument(
    bed.demo.documentId,
    (doc) => readClauseMeta(doc.getMap('accord'), 'op-tariffs')?.lock ?? null,
  );
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

async function adoptions(): Promise<number> {
  return (await bed.audit()).filter((entry) => entry.action === 'silenceAdopted').length;
}

describe('the deadline of a silence procedure', () => {
  it('adopts once the timer callback has finished: clauses locked as the Chair’s, once', async () => {
    const deadline = await underSilence();
    await timers.advanceTo(deadline);
    expect(await tariffsLock()).toMatchObject({ delegation: 'CHAIR', reason: ADOPTED_LOCK_REASON });
    expect(await service.silenceView(bed.demo.documentId)).toMatchObject({ state: 'adopted' });
    expect((await service.list(bed.demo.documentId))[0]?.adoptedAt).toBe(deadline);
    expect(await adoptions()).toBe(1);
    // A later start finds nothing running: nothing is adopted twice.
    await service.start();
    expect(await adoptions()).toBe(1);
    expect(logged).toEqual([]);
  });

  it('logs a failed adoption at the deadline instead of rejecting, and adopts at the next start', async () => {
    const deadline = await underSilence();
    const allRunning = vi
      .spyOn(bed.storage.revisions, 'allRunning')
      .mockRejectedValueOnce(new Error('storage unreachable'));
    await timers.advanceTo(deadline);
    expect(logged).toEqual([
      expect.stringMatching(
        /^error: Silence procedure .*adoption at the deadline failed.*storage unreachable/,
      ),
    ]);
    expect(await tariffsLock()).toBeNull();
    expect(await service.silenceView(bed.demo.documentId)).toMatchObject({ state: 'running' });
    allRunning.mockRestore();
    await service.start();
    expect(await service.silenceView(bed.demo.documentId)).toMatchObject({ state: 'adopted' });
    expect(await adoptions()).toBe(1);
  });

  it('a break racing the deadline callback is refused, and the procedure adopted once', async () => {
    const deadline = await underSilence();
    const chair = await bed.as('gt.delegate');
    // The clock passes the deadline; the timer's callback and a break race for the procedure.
    const callback = timers.advanceTo(deadline + 1);
    const broken = await service.breakSilence(
      chair.access.document,
      { userId: chair.actor.userId, membership: chair.actor.membership },
      'Too late.',
    );
    await callback;
    expect(broken).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await service.silenceView(bed.demo.documentId)).toMatchObject({ state: 'adopted' });
    expect(await adoptions()).toBe(1);
    expect(logged).toEqual([]);
  });
});
