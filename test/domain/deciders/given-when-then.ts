/** Given/when/then for deciders: fold the given events, decide the command, return the decision to assert on. */
import type { Decider, Decision } from '../../../domain/deciders/decider.ts';

export function givenWhen<C, E, S>(decider: Decider<C, E, S>, given: readonly E[], when: C): Decision<E> {
  return decider.decide(when, given.reduce(decider.evolve, decider.initialState));
}

export function stateAfter<C, E, S>(decider: Decider<C, E, S>, given: readonly E[]): S {
  return given.reduce(decider.evolve, decider.initialState);
}

/** The events of an accepted decision; a refused decision makes the test fail with its error. */
export function eventsOf<E>(decision: Decision<E>): E[] {
  if (!decision.ok) throw new Error(`expected the command to be accepted, got ${decision.error.code}: ${decision.error.message}`);
  return decision.events;
}

export function errorCodeOf<E>(decision: Decision<E>): string {
  if (decision.ok) throw new Error(`expected the command to be refused, got ${decision.events.length} event(s)`);
  return decision.error.code;
}
