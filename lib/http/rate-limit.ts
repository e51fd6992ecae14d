// Per-shopper token-bucket rate limits for write endpoints. The core (takeToken) is
// pure with time injected; a small in-memory store lives on globalThis (per process:
// behind several instances each enforces its own share). enforceRateLimit reads the
// time from the injected clock (lib/clock), so tests drive it with runWithClock.
// RATE_LIMIT_SCALE multiplies every rate and burst (0 turns limiting off). Tests reset
// or disable the store through the exported functions. Must not import lib/db,
// lib/feed or next.
import { currentClock } from "@/lib/clock";
import { HttpError } from "./respond";

export interface BucketSpec {
  /** tokens added per second */
  ratePerSec: number;
  /** bucket capacity (the burst allowed after a quiet period) */
  burst: number;
}

export interface Bucket {
  tokens: number;
  updatedAt: number; // epoch ms
}

export interface TakeResult {
  allowed: boolean;
  bucket: Bucket;
  /** when refused: ms until one token is available */
  retryAfterMs: number;
}

/** Pure: refill by elapsed time, then take one token if there is one. */
export function takeToken(bucket: Bucket | undefined, now: number, spec: BucketSpec): TakeResult {
  const prev = bucket ?? { tokens: spec.burst, updatedAt: now };
  const elapsed = Math.max(0, now - prev.updatedAt) / 1000;
  const tokens = Math.min(spec.burst, prev.tokens + elapsed * spec.ratePerSec);
  if (tokens >= 1) return { allowed: true, bucket: { tokens: tokens - 1, updatedAt: now }, retryAfterMs: 0 };
  const retryAfterMs = spec.ratePerSec > 0 ? Math.ceil(((1 - tokens) / spec.ratePerSec) * 1000) : 60_000;
  return { allowed: false, bucket: { tokens, updatedAt: now }, retryAfterMs };
}

/** The write endpoints' limits (before RATE_LIMIT_SCALE). */
export const RATE_LIMITS = {
  feedback: { ratePerSec: 20, burst: 60 },
  undo: { ratePerSec: 10, burst: 30 },
  likes: { ratePerSec: 10, burst: 30 },
  quiz: { ratePerSec: 2, burst: 20 },
  photo: { ratePerSec: 1, burst: 5 },
} as const satisfies Record<string, BucketSpec>;
export type LimitName = keyof typeof RATE_LIMITS;

const MAX_KEYS = 50_000;

interface Store {
  buckets: Map<string, Bucket>;
  enabled: boolean;
}
const g = globalThis as unknown as { __stylenovaRateLimit?: Store };

function store(): Store {
  return (g.__stylenovaRateLimit ??= { buckets: new Map(), enabled: true });
}

/** RATE_LIMIT_SCALE: a non-negative number, default 1; 0 disables rate limiting. */
export function rateLimitScale(source: Record<string, string | undefined> = process.env): number {
  const raw = source.RATE_LIMIT_SCALE;
  if (raw === undefined || raw.trim() === "") return 1;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`Invalid environment: RATE_LIMIT_SCALE must be a non-negative number, got "${raw}"`);
  return n;
}

/** Take a token for (limit, key) at `now` (default: the current clock) or throw a 429 HttpError with Retry-After. */
export function enforceRateLimit(name: LimitName, key: string, now: number = currentClock().now()): void {
  const s = store();
  const scale = rateLimitScale();
  if (!s.enabled || scale === 0) return;
  const spec = { ratePerSec: RATE_LIMITS[name].ratePerSec * scale, burst: Math.max(1, RATE_LIMITS[name].burst * scale) };
  const id = `${name}|${key}`;
  const r = takeToken(s.buckets.get(id), now, spec);
  s.buckets.delete(id); // re-insert: Map order doubles as least-recently-used order
  s.buckets.set(id, r.bucket);
  if (s.buckets.size > MAX_KEYS) s.buckets.delete(s.buckets.keys().next().value as string);
  if (!r.allowed) {
    const seconds = Math.max(1, Math.ceil(r.retryAfterMs / 1000));
    throw new HttpError(429, `Too many ${name} requests: try again in ${seconds} s`, undefined, { "Retry-After": String(seconds) });
  }
}

/** Forget every bucket (tests). */
export function resetRateLimits(): void {
  store().buckets.clear();
}

/** Turn limiting on or off for this process (tests that fire thousands of requests). */
export function setRateLimitEnabled(enabled: boolean): void {
  store().enabled = enabled;
}
