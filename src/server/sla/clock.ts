/** The time, injected so tests can move it: the SLA sweeper never reads the system clock itself. */
export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };
