// POST /api/admin/login - exchange the admin token for an sn_admin session cookie.
// Throttling and the session's expiry use the injected clock (lib/clock).
import { currentClock } from "@/lib/clock";
import { clearLoginAttempts, clientIp, takeLoginAttempt } from "@/lib/admin/login-limit";
import { adminSettings, sessionKey } from "@/lib/admin/config";
import { assertAdminEnabled, isHttps } from "@/lib/admin/guard";
import { loginSchema } from "@/lib/admin/schemas";
import { sessionCookieHeader, signSession, tokenMatches } from "@/lib/admin/session";
import { readJson } from "@/lib/http/body";
import { handle, HttpError, json } from "@/lib/http/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return handle(async () => {
    assertAdminEnabled();
    const ip = clientIp(request);
    const now = currentClock().now();
    const wait = takeLoginAttempt(ip, now);
    if (wait > 0) throw new HttpError(429, `Too many login attempts: try again in ${wait} s`, undefined, { "Retry-After": String(wait) });
    const { token } = await readJson(request, loginSchema);
    if (!tokenMatches(token, adminSettings().token as string)) throw new HttpError(401, "Wrong admin token");
    clearLoginAttempts(ip);
    const session = signSession(sessionKey(), now);
    const res = json({ ok: true, expiresAt: new Date(session.expiresAt).toISOString() });
    res.headers.set("Set-Cookie", sessionCookieHeader(session.value, isHttps(request)));
    res.headers.set("Cache-Control", "no-store");
    return res;
  });
}
