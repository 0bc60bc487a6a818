/**
 * The one clock of a fan-out run, in milliseconds. Senders and receivers may live in different
 * worker threads, and each thread has its own `performance.timeOrigin`; `process.hrtime` reads
 * the monotonic clock every thread of the process shares, so a send time taken in one thread
 * and an arrival time taken in another can be subtracted.
 */
export function sharedNow(): number {
  const [seconds, nanoseconds] = process.hrtime();
  return seconds * 1_000 + nanoseconds / 1_000_000;
}
