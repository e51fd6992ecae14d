// Unit: the pure token bucket and the in-memory limiter (time injected: an explicit
// timestamp, or the current clock driven by a ManualClock; never the wall clock).
import { afterEach, describe, expect, it } from "vitest";
import { runWithClock } from "@/lib/clock";
import { ManualClock } from "@/lib/testing/manual-clock";
import { HttpError } from "./respond";
import { enforceRateLimit, rateLimitScale, RATE_LIMITS, resetRateLimits, setRateLimitEnabled, takeToken } from "./rate-limit";

afterEach(() => {
  resetRateLimits();
  setRateLimitEnabled(true);
  delete process.env.RATE_LIMIT_SCALE;
});

describe("takeToken", () => {
  const spec = { ratePerSec: 2, burst: 3 };
  it("allows the burst, then refuses with the time to the next token", () => {
    let b;
    for (let i = 0; i < 3; i++) {
      const r = takeToken(b, 1000, spec);
      expect(r.allowed).toBe(true);
      b = r.bucket;
    }
    const r = takeToken(b, 1000, spec);
    expect(r.allowed).toBe(false);
    expect(r.retryAfterMs).toBe(500);
  });

  it("refills with elapsed time up to the burst", () => {
    const empty = { tokens: 0, updatedAt: 0 };
    expect(takeToken(empty, 499, spec).allowed).toBe(false);
    expect(takeToken(empty, 500, spec).allowed).toBe(true);
    expect(takeToken(empty, 60_000, spec).bucket.tokens).toBe(2); // capped at burst 3, minus the one taken
  });

  it("never gains tokens from a clock going backwards", () => {
    const r = takeToken({ tokens: 0.5, updatedAt: 10_000 }, 5_000, spec);
    expect(r.allowed).toBe(false);
  });
});

describe("enforceRateLimit", () => {
  const burst = RATE_LIMITS.feedback.burst;
  it("throws a 429 HttpError with Retry-After after the burst, per key", () => {
    for (let i = 0; i < burst; i++) enforceRateLimit("feedback", "a", 0);
    let err: unknown;
    try {
      enforceRateLimit("feedback", "a", 0);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).status).toBe(429);
    expect((err as HttpError).headers?.["Retry-After"]).toBe("1");
    expect(() => enforceRateLimit("feedback", "b", 0)).not.toThrow();
    expect(() => enforceRateLimit("undo", "a", 0)).not.toThrow();
    expect(() => enforceRateLimit("feedback", "a", 1000)).not.toThrow();
  });

  it("can be disabled for a process and scaled by RATE_LIMIT_SCALE", () => {
    setRateLimitEnabled(false);
    for (let i = 0; i < burst * 3; i++) enforceRateLimit("feedback", "a", 0);
    setRateLimitEnabled(true);
    process.env.RATE_LIMIT_SCALE = "0";
    for (let i = 0; i < burst * 3; i++) enforceRateLimit("feedback", "a", 0);
    process.env.RATE_LIMIT_SCALE = "2";
    for (let i = 0; i < burst * 2; i++) enforceRateLimit("feedback", "c", 0);
    expect(() => enforceRateLimit("feedback", "c", 0)).toThrow(HttpError);
  });

  it("reads the injected clock when no time is given: frozen, exactly the burst passes; the refill time lets one more through", () => {
    const clock = new ManualClock();
    const { burst: undoBurst, ratePerSec } = RATE_LIMITS.undo;
    runWithClock(clock, () => {
      for (let i = 0; i < undoBurst; i++) enforceRateLimit("undo", "k");
      expect(() => enforceRateLimit("undo", "k")).toThrow(/try again in 1 s/);
      clock.advance(1000 / ratePerSec);
      expect(() => enforceRateLimit("undo", "k")).not.toThrow();
      expect(() => enforceRateLimit("undo", "k")).toThrow(HttpError);
    });
  });

  it("rejects an invalid RATE_LIMIT_SCALE with a readable message", () => {
    expect(() => rateLimitScale({ RATE_LIMIT_SCALE: "fast" })).toThrow(/RATE_LIMIT_SCALE/);
    expect(rateLimitScale({})).toBe(1);
  });
});
