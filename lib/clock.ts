// Injected time for server code: rate limits, login throttling, session expiry, job
// timestamps and any TTL/backoff/poll logic read `currentClock().now()` instead of
// Date.now(). The clock is the system clock unless a caller runs code inside
// `runWithClock(clock, fn)`; the choice travels with the async context
// (AsyncLocalStorage), so a test can drive one request's time without a global,
// mutable hook and without affecting concurrent work. Node-only (node:async_hooks);
// must not import lib/db, lib/feed, next or anything else of the app.
import { AsyncLocalStorage } from "node:async_hooks";

export interface Clock {
  /** Milliseconds since the epoch, like Date.now(). */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

// One storage per process, even if a bundler loads this module twice (Next dev).
const KEY = Symbol.for("stylenova.clock");
const g = globalThis as unknown as Record<symbol, AsyncLocalStorage<Clock> | undefined>;
const storage: AsyncLocalStorage<Clock> = (g[KEY] ??= new AsyncLocalStorage<Clock>());

/** The clock of the current async context (the system clock by default). */
export function currentClock(): Clock {
  return storage.getStore() ?? systemClock;
}

/** Run fn (and everything it awaits or schedules) with `clock` as the current clock. */
export function runWithClock<T>(clock: Clock, fn: () => T): T {
  return storage.run(clock, fn);
}
