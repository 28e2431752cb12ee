/** The sample reports and pair files, and a fixed clock, for ingestion tests. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventStore, RecordedEvent } from '../../../services/store/event-store.ts';
import { collect } from '../events/collect.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function textFiles(folder: string): string[] {
  const dir = path.join(root, folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => path.join(dir, name));
}

export const seedFiles = textFiles('seeds');
export const pairFiles = textFiles('test/fixtures/gold/pairs');
export const readText = (file: string): string => readFileSync(file, 'utf8');

export const fixedClock = (): Date => new Date('2026-03-01T08:00:00.000Z');

/** What the log says, independent of the order it was written in and of when: the comparable content. */
export async function logContent(store: EventStore): Promise<string[]> {
  const events = await collect(store.readAll());
  return events.map((event: RecordedEvent) => `${event.stream}@${event.revision} ${event.id} ${event.type} ${JSON.stringify(event.data)}`).sort();
}
