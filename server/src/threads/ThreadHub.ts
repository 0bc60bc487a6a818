/** Told which thread of which draft changed; decides nothing about who may see it. */
export type ThreadChangeListener = (threadId: string) => void;

/**
 * Fans out "this thread changed" to the live channels of a draft. It carries ids only: each
 * channel loads the thread and checks, for its own reader and at send time, whether to send it
 * (SPEC P1, P4), so nothing private can ride along by accident.
 */
export class ThreadHub {
  private readonly listeners = new Map<string, Set<ThreadChangeListener>>();

  /** Listens to a draft's thread changes; returns the function that stops listening. */
  subscribe(documentId: string, listener: ThreadChangeListener): () => void {
    let set = this.listeners.get(documentId);
    if (set === undefined) {
      set = new Set();
      this.listeners.set(documentId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(documentId) === set) {
        this.listeners.delete(documentId);
      }
    };
  }

  /**
   * Tells every listener of the draft that a thread changed. Called only once the change has
   * committed to storage: a listener loads the thread (asynchronously, in its own order) and
   * must find the change there.
   */
  changed(documentId: string, threadId: string): void {
    for (const listener of [...(this.listeners.get(documentId) ?? [])]) listener(threadId);
  }

  /** How many live channels listen to a draft (for tests and diagnostics). */
  listenerCount(documentId: string): number {
    return this.listeners.get(documentId)?.size ?? 0;
  }
}
