// Admin sessions: constant-time token check, and the sn_admin cookie, an HMAC-signed
// expiring token "v1.<expires epoch s>.<nonce>.<mac>". Time is a parameter. Pure apart
// from node:crypto; must not import lib/db, lib/feed or next.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const ADMIN_COOKIE = "sn_admin";
export const SESSION_TTL_S = 8 * 3600;
const VERSION = "v1";

/** Compare a submitted token with the configured one in constant time (hashes of equal length). */
export function tokenMatches(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given, "utf8").digest();
  const b = createHash("sha256").update(expected, "utf8").digest();
  return timingSafeEqual(a, b);
}

function mac(key: Buffer, payload: string): string {
  return createHmac("sha256", key).update(payload).digest("base64url");
}

export function signSession(key: Buffer, nowMs: number, ttlS = SESSION_TTL_S): { value: string; expiresAt: number } {
  const expires = Math.floor(nowMs / 1000) + ttlS;
  const payload = `${VERSION}.${expires}.${randomBytes(12).toString("base64url")}`;
  return { value: `${payload}.${mac(key, payload)}`, expiresAt: expires * 1000 };
}

export type SessionCheck = { ok: true; expiresAt: number } | { ok: false; reason: "missing" | "malformed" | "signature" | "expired" };

export function verifySession(value: string | undefined, key: Buffer, nowMs: number): SessionCheck {
  if (!value) return { ok: false, reason: "missing" };
  const parts = value.split(".");
  if (parts.length !== 4 || parts[0] !== VERSION || !/^\d{1,12}$/.test(parts[1]) || !/^[A-Za-z0-9_-]{16}$/.test(parts[2])) {
    return { ok: false, reason: "malformed" };
  }
  const expected = Buffer.from(mac(key, parts.slice(0, 3).join(".")));
  const given = Buffer.from(parts[3]);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "signature" };
  const expires = Number(parts[1]) * 1000;
  if (expires <= nowMs) return { ok: false, reason: "expired" };
  return { ok: true, expiresAt: expires };
}

export function sessionCookieHeader(value: string, secure: boolean, maxAgeS = SESSION_TTL_S): string {
  return `${ADMIN_COOKIE}=${value}; Path=/; Max-Age=${maxAgeS}; HttpOnly; SameSite=Strict${secure ? "; Secure" : ""}`;
}

export function clearSessionCookieHeader(secure: boolean): string {
  return `${ADMIN_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict${secure ? "; Secure" : ""}`;
}
