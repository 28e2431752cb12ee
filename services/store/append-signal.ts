/**
 * Wakes idle subscriptions when the log may have grown. A counter instead of a bare event, so a waiter that
 * read the log before an append and starts waiting after it is not left asleep.
 */
export class AppendSignal {
  #generation = 0;
  readonly #waiters = new Set<() => void>();

  get generation(): number {
    return this.#generation;
  }

  notify(): void {
    this.#generation += 1;
    const waiters = [...this.#waiters];
    this.#waiters.clear();
    for (const wake of waiters) wake();
  }

  /** Resolves once the generation moved past `seen`, the timeout (if any) elapsed, or `signal` aborted. */
  waitForChange(seen: number, signal: AbortSignal, timeoutMs?: number): Promise<void> {
    if (this.#generation !== seen || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const wake = (): void => {
        this.#waiters.delete(wake);
        signal.removeEventListener('abort', wake);
        if (timer !== undefined) clearTimeout(timer);
        resolve();
      };
      this.#waiters.add(wake);
      signal.addEventListener('abort', wake, { once: true });
      if (timeoutMs !== undefined) timer = setTimeout(wake, timeoutMs);
    });
  }
}
