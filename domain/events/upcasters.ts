/**
 * Lifts stored events of older schema versions to the current one, one version step at a time. A published
 * version's shape never changes; a new version comes with the step that derives it from the one before.
 */
import { carriedOverKeyFor } from '../ids.ts';
import { currentEventSchemas, type EventType } from './catalog.ts';
import { commitmentRecordedV1 } from './commitment-events.ts';
import type { CommitmentRecordedV2 } from './commitment-events.ts';

/** Takes data of version N (unvalidated) and returns data of version N + 1; throws a ZodError when N is malformed. */
type UpcastStep = (data: unknown) => unknown;

const upcastSteps: { [K in EventType]?: Readonly<Record<number, UpcastStep>> } = {
  CommitmentRecorded: {
    1: (data): CommitmentRecordedV2 => {
      const v1 = commitmentRecordedV1.parse(data);
      return { ...v1, carriedOverKey: carriedOverKeyFor({ organisation: v1.organisation, normalisedText: v1.normalisedText }) };
    },
  },
};

export type UpcastResult = { ok: true; data: unknown } | { ok: false; reason: string };

/** The data of a stored (type, version) at the type's current version, not yet validated against its schema. */
export function upcastToCurrent(type: EventType, storedVersion: number, data: unknown): UpcastResult {
  const current = currentEventSchemas[type].version;
  if (!Number.isInteger(storedVersion) || storedVersion < 1 || storedVersion > current) {
    return { ok: false, reason: `${type} has no schema version ${storedVersion} (current is ${current})` };
  }
  let lifted = data;
  for (let version = storedVersion; version < current; version++) {
    const step = upcastSteps[type]?.[version];
    if (step === undefined) return { ok: false, reason: `${type} has no upcaster from version ${version}` };
    try {
      lifted = step(lifted);
    } catch (error) {
      return { ok: false, reason: `${type} v${version} does not upcast: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  return { ok: true, data: lifted };
}
