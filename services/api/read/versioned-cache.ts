/**
 * Serialised bodies kept by resource and version. A representation is a pure function of its version (that
 * is what makes the ETag strong), so a hit is exactly what would be built again; a new version simply misses.
 * Bodies are kept as UTF-8 bytes: a hit then goes out without being encoded and measured again.
 * Least recently used entries go first once `capacity` is reached.
 */
export interface VersionedCache {
  get(key: string, version: string): Buffer | undefined;
  set(key: string, version: string, body: Buffer): void;
}

export function createVersionedCache(capacity: number): VersionedCache {
  const entries = new Map<string, { version: string; body: Buffer }>();
  return {
    get(key, version) {
      const entry = entries.get(key);
      if (entry === undefined || entry.version !== version) return undefined;
      // Re-insert: a Map iterates in insertion order, so the first key is always the least recently used.
      entries.delete(key);
      entries.set(key, entry);
      return entry.body;
    },
    set(key, version, body) {
      entries.delete(key);
      entries.set(key, { version, body });
      if (entries.size > capacity) {
        const oldest = entries.keys().next();
        if (oldest.done !== true) entries.delete(oldest.value);
      }
    },
  };
}
