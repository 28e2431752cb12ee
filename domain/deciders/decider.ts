/**
 * A decider is the pure model of one stream: `initialState`, `evolve` (state + event → state) and `decide`
 * (command + state → events, or a typed error). No I/O, no clock: the command handler supplies both.
 */
import type { DecisionError } from './decision-error.ts';

export type Decision<E> = { ok: true; events: E[] } | { ok: false; error: DecisionError };

export interface Decider<C, E, S> {
  initialState: S;
  evolve: (state: S, event: E) => S;
  decide: (command: C, state: S) => Decision<E>;
}

export function accept<E>(...events: E[]): Decision<E> {
  return { ok: true, events };
}

/** The command changes nothing (it was already done): no events, no error. */
export function unchanged<E>(): Decision<E> {
  return { ok: true, events: [] };
}

export function reject<E>(error: DecisionError): Decision<E> {
  return { ok: false, error };
}
