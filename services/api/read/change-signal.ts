/**
 * Wakes long polls and SSE streams when the projector commits a batch. Built on the store's AppendSignal (a
 * generation counter), so a request that read the feed just before a batch and waits just after it still wakes.
 */
import { AppendSignal } from '../../store/append-signal.ts';

export interface ProjectorEvents {
  onChange(listener: () => void): () => void;
}

export interface ChangeSignal {
  readonly generation: number;
  /** Resolves when a batch committed after `seen`, after `timeoutMs`, or when `abort` fires. */
  waitForChange(seen: number, abort: AbortSignal, timeoutMs?: number): Promise<void>;
  /** Stops listening to the projector. */
  detach(): void;
}

export function createChangeSignal(projector: ProjectorEvents): ChangeSignal {
  const signal = new AppendSignal();
  const detach = projector.onChange(() => signal.notify());
  return {
    get generation() {
      return signal.generation;
    },
    waitForChange: (seen, abort, timeoutMs) => signal.waitForChange(seen, abort, timeoutMs),
    detach,
  };
}
