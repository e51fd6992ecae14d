// The admin gate for route handlers: admin disabled -> 503, no or invalid sn_admin
// session -> 401, cross-site writes -> 403; every failure is JSON without internals.
// Session expiry is checked against the injected clock (lib/clock).
// Server-only; must not import lib/feed or lib/recommender.
import "server-only";
import { currentClock } from "@/lib/clock";
import { isHttps, readCookie } from "@/lib/auth/shopper";
import { errorResponse, HttpError } from "@/lib/http/respond";
import { adminEnabled, DISABLED_MESSAGE, sessionKey } from "./config";
import { ADMIN_COOKIE, verifySession, type SessionCheck } from "./session";

const REASONS: Record<Exclude<SessionCheck, { ok: true }>["reason"], string> = {
  missing: "Admin login required: sign in at /admin/login",
  malformed: "Admin session is invalid: sign in again at /admin/login",
  signature: "Admin session is invalid: sign in again at /admin/login",
  expired: "Admin session expired: sign in again at /admin/login",
};

export function assertAdminEnabled(): void {
  if (!adminEnabled()) throw new HttpError(503, DISABLED_MESSAGE);
}

/** The session check of a request's sn_admin cookie (admin must be enabled). */
export function checkAdminRequest(request: Request, now: number = currentClock().now()): SessionCheck {
  return verifySession(readCookie(request.headers.get("cookie"), ADMIN_COOKIE), sessionKey(), now);
}

/** Writes must come from this site: a present Origin header has to match the request host. */
function assertSameOrigin(request: Request): void {
  if (request.method === "GET" || request.method === "HEAD") return;
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new HttpError(403, "Cross-site admin request refused");
  }
  if (originHost !== host) throw new HttpError(403, "Cross-site admin request refused");
}

/** Throw the HttpError an unauthenticated or disabled request gets. */
export function requireAdmin(request: Request, now: number = currentClock().now()): void {
  assertAdminEnabled();
  const check = checkAdminRequest(request, now);
  if (!check.ok) throw new HttpError(401, REASONS[check.reason]);
  assertSameOrigin(request);
}

/** Run an admin handler: gate first, then map every failure to a JSON error. */
export async function withAdmin(request: Request, fn: () => Promise<Response>): Promise<Response> {
  let res: Response;
  try {
    requireAdmin(request);
    res = await fn();
  } catch (e) {
    res = errorResponse(e);
  }
  if (!res.headers.has("Cache-Control")) res.headers.set("Cache-Control", "private, no-store");
  return res;
}

export { isHttps };
