// Test support: a clock that only moves when the test says so (set/advance), for
// runWithClock(). Test-only; must not be imported by production code.
import type { Clock } from "@/lib/clock";

/** 2030-01-01T00:00:00Z: an arbitrary, fixed start far from any real "now". */
export const MANUAL_CLOCK_START = Date.UTC(2030, 0, 1);

export class ManualClock implements Clock {
  private ms: number;

  constructor(startMs: number = MANUAL_CLOCK_START) {
    this.ms = startMs;
  }

  now(): number {
    return this.ms;
  }

  set(ms: number): void {
    this.ms = ms;
  }

  advance(ms: number): void {
    if (ms < 0) throw new Error(`ManualClock.advance: negative step ${ms}`);
    this.ms += ms;
  }
}
