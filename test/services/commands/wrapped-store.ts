/** A store that delegates to another, with `appendToStream` replaced: for races and crashes in tests. */
import type { EventStore } from '../../../services/store/event-store.ts';

export function withAppend(inner: EventStore, appendToStream: EventStore['appendToStream']): EventStore {
  return {
    appendToStream,
    readStream: (stream, options) => inner.readStream(stream, options),
    readAll: (options) => inner.readAll(options),
    readCategory: (category, options) => inner.readCategory(category, options),
    subscribeToAll: (options) => inner.subscribeToAll(options),
    headPosition: () => inner.headPosition(),
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
}
