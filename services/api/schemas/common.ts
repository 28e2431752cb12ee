/** Schemas shared by several routes: problem responses, cursors and paging parameters. */
import { z } from 'zod';
import { problemSchema } from '../http/problem.ts';

z.globalRegistry.add(problemSchema, { id: 'Problem' });

/** The problem responses a route may answer with, for its OpenAPI description. */
export function problemResponses(...statuses: number[]): Record<number, typeof problemSchema> {
  return Object.fromEntries(statuses.map((status) => [status, problemSchema.describe(`application/problem+json (${status})`)]));
}

export const READ_PROBLEMS = [400, 401, 403, 404, 429, 500] as const;
export const WRITE_PROBLEMS = [400, 401, 403, 404, 408, 409, 412, 413, 415, 422, 429, 500] as const;

export const positionText = z.string().describe('An opaque log position, as returned by the API');

export const limitParameter = (fallback: number, max: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback).describe(`Page size, 1–${max}`);
