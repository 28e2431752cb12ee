import { z } from 'zod';
import { spanSchema } from '../reader/parsed-report.ts';

/** Who or what caused an event: a person, or a program with its version (the reader, the matcher). */
export const actorSchema = z.object({
  kind: z.enum(['person', 'reader', 'matcher', 'system']),
  id: z.string().min(1),
  version: z.string().nullable(),
});
export type Actor = z.infer<typeof actorSchema>;

export const eventMetadataSchema = z.object({
  actor: actorSchema,
  correlationId: z.string(),
  causationId: z.string().nullable(),
  /** The document an event was read from, and where in it. */
  source: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), span: spanSchema.nullable() }).nullable(),
  /** ISO time the service recorded the event (comes in as data: deciders have no clock). */
  occurredAt: z.string(),
  /** Tamper evidence: hash of the previous event of the stream (null for the first) and of this event. */
  previousHash: z.string().nullable(),
  hash: z.string(),
});
export type EventMetadata = z.infer<typeof eventMetadataSchema>;
