/** Shared helpers of the store tests: events to append, a stepping clock, and draining async iterables. */
import { randomUUID } from 'node:crypto';
import type { EventToAppend, JsonObject } from '../../../services/store/event-store.ts';

export function anEvent(type = 'TargetRecorded', data: JsonObject = {}, schemaVersion = 1): EventToAppend {
  return { id: randomUUID(), type, schemaVersion, data: { note: '在全区56个社区建立社会工作点', ...data }, metadata: { actor: 'test' } };
}

export function someEvents(count: number, type = 'TargetRecorded'): EventToAppend[] {
  return Array.from({ length: count }, (_, index) => anEvent(type, { index }));
}

/** A clock that moves one second per reading, so every append gets a distinct, predictable time. */
export function steppingClock(startIso = '2025-01-01T00:00:00.000Z'): { clock: () => Date; readings: string[] } {
  const start = Date.parse(startIso);
  const readings: string[] = [];
  return {
    readings,
    clock: () => {
      const now = new Date(start + readings.length * 1000);
      readings.push(now.toISOString());
      return now;
    },
  };
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** A name no other test (or earlier run against a shared server) has used. */
export function uniqueName(prefix: string): string {
  return `${prefix}${randomUUID().replaceAll('-', '').slice(0, 12)}`;
}
