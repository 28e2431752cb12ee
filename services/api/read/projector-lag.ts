import type { EventStore } from '../../store/event-store.ts';
import { parsePosition } from '../../store/position.ts';
import type { Gauge } from '../http/metrics.ts';
import type { ReadSide } from './read-side.ts';

/** Counting stops here: past it the projector is simply "far behind", and a scrape must stay cheap. */
const LAG_COUNT_CAP = 10_000;

/** Events in the log that the read models have not applied yet (counted, so it means the same on every store). */
export function projectorLagGauge(store: EventStore, readSide: ReadSide): Gauge {
  return {
    name: 'plan_ledger_projector_lag_events',
    help: `Events in the log not yet in the read models (counted up to ${LAG_COUNT_CAP}).`,
    read: async () => {
      const checkpoint = readSide.checkpoint();
      const after = checkpoint === null ? null : parsePosition(checkpoint);
      let lag = 0;
      for await (const _event of store.readAll({ ...(after === null ? {} : { after }), maxCount: LAG_COUNT_CAP })) lag += 1;
      return lag;
    },
  };
}
