import { describe, expect, it } from 'vitest';
import { DocumentQueue, QueueClosedError } from './DocumentQueue';

/** Batches of the per-draft queue (group commit, issue 17). */
describe('DocumentQueue batches', () => {
  it('runs the items queued one after another in one batch, split by any other task, in order', async () => {
    const queue = new DocumentQueue('d');
    const ran: string[] = [];
    const runner = async (items: string[]) => {
      ran.push(`batch ${items.join(',')}`);
      expect(queue.inside).toBe(true);
    };
    const done = [
      queue.laterBatch(runner, 'a'),
      queue.laterBatch(runner, 'b'),
      queue.later(() => {
        ran.push('task');
      }),
      queue.laterBatch(runner, 'c'),
      queue.laterBatch(runner, 'd'),
      queue.laterBatch(runner, 'e'),
    ];
    // Started at the end of the turn, so that the turn's items meet.
    expect(ran).toEqual([]);
    expect(queue.busy).toBe(true);
    await Promise.all(done);
    expect(ran).toEqual(['batch a,b', 'task', 'batch c,d,e']);
    await queue.idle();
    expect(queue.busy).toBe(false);
  });

  it('rejects every item of a batch whose runner throws, and those waiting when closed', async () => {
    const queue = new DocumentQueue('d');
    const failing = queue.laterBatch(async () => {
      throw new Error('bug');
    }, 1);
    await expect(failing).rejects.toThrow('bug');
    const waiting = queue.laterBatch(async () => {}, 2);
    queue.close();
    await expect(waiting).rejects.toBeInstanceOf(QueueClosedError);
    await expect(queue.laterBatch(async () => {}, 3)).rejects.toBeInstanceOf(QueueClosedError);
    await queue.idle();
  });
});
