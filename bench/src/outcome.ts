/** The result of one part of the benchmark: its figures, or why it could not produce them. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

/** Runs `task`, turning a thrown error into a failed outcome, so one broken part spoils no other. */
export async function attempt<T>(task: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await task() };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
