import type { Projector } from '../../projector/start-projector.ts';

/**
 * After a write, waits until the projector has applied everything in the log (so the caller's next GET sees its
 * write), but never longer than `timeoutMs`: a slow projector delays the answer, it does not fail the write.
 */
export function visibilityWaiter(projector: Pick<Projector, 'caughtUp'>, timeoutMs: number): () => Promise<boolean> {
  return async () => {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      return await Promise.race([projector.caughtUp().then(() => true as const), timedOut]);
    } finally {
      clearTimeout(timer);
    }
  };
}
