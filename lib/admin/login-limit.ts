// Login attempt limiter: a fixed-window counter per client IP, kept in memory on
// globalThis (per process). Time is a parameter. Must not import lib/db, lib/feed or next.

export const LOGIN_LIMIT = { attempts: 10, windowMs: 10 * 60_000 } as const;
const MAX_KEYS = 10_000;

interface Window {
  start: number;
  count: number;
}
const g = globalThis as unknown as { __stylenovaAdminLogin?: Map<string, Window> };
const store = () => (g.__stylenovaAdminLogin ??= new Map());

/** Count one attempt; returns the seconds to wait when the limit is exceeded, else 0. */
export function takeLoginAttempt(ip: string, now: number, limit: { attempts: number; windowMs: number } = LOGIN_LIMIT): number {
  const m = store();
  let w = m.get(ip);
  if (!w || now - w.start >= limit.windowMs) w = { start: now, count: 0 };
  w.count++;
  m.delete(ip);
  m.set(ip, w);
  if (m.size > MAX_KEYS) m.delete(m.keys().next().value as string);
  if (w.count > limit.attempts) return Math.max(1, Math.ceil((w.start + limit.windowMs - now) / 1000));
  return 0;
}

/** A successful login clears the counter of that IP. */
export function clearLoginAttempts(ip: string): void {
  store().delete(ip);
}

export function resetLoginLimits(): void {
  store().clear();
}

/** The client IP as seen through a reverse proxy (first X-Forwarded-For hop), else "local". */
export function clientIp(request: Request): string {
  const fwd = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (fwd || request.headers.get("x-real-ip")?.trim() || "local").slice(0, 64);
}
