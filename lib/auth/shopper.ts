// Anonymous shopper identity: a random id in a signed cookie (sn_shopper = v1.<id>.<hmac>),
// HMAC-SHA256 with SESSION_SECRET or, when unset, a random secret stored once in the
// database Meta table (all instances sharing the database agree). A missing, malformed
// or tampered cookie means a new shopper, never an error. Cookies are read and written
// on the Request/Response headers (next/headers cookies() needs Next's request scope).
// Server-only; must not import lib/feed or lib/recommender.
import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db/client";
import { getMeta } from "@/lib/db/meta";
import { env } from "@/lib/env";
import { errorResponse } from "@/lib/http/respond";

export const SHOPPER_COOKIE = "sn_shopper";
const VERSION = "v1";
const META_KEY = "sessionSecret";
const MAX_AGE_S = 400 * 24 * 3600; // the longest lifetime browsers accept
const ID_RE = /^[A-Za-z0-9_-]{22}$/;

const g = globalThis as unknown as { __stylenovaSessionSecret?: { url: string; promise: Promise<string> } };

/** Insert the generated secret only if none exists (a concurrent instance may win). */
async function storedSecret(): Promise<string> {
  const existing = await getMeta(META_KEY);
  if (existing) return existing;
  const client = await db();
  try {
    await client.meta.create({ data: { key: META_KEY, value: randomBytes(32).toString("base64url") } });
  } catch {
    // unique violation: another instance stored one first; read it below
  }
  const value = await getMeta(META_KEY);
  if (!value) throw new Error("could not store the session secret");
  return value;
}

/** The signing secret (memoized per database; a failed lookup is retried next time). */
export function sessionSecret(): Promise<string> {
  const e = env();
  if (e.sessionSecret) return Promise.resolve(e.sessionSecret);
  if (g.__stylenovaSessionSecret?.url !== e.databaseUrl) {
    const promise = storedSecret();
    g.__stylenovaSessionSecret = { url: e.databaseUrl, promise };
    promise.catch(() => {
      if (g.__stylenovaSessionSecret?.promise === promise) g.__stylenovaSessionSecret = undefined;
    });
  }
  return g.__stylenovaSessionSecret.promise;
}

export function newShopperId(): string {
  return randomBytes(16).toString("base64url");
}

function mac(secret: string, id: string): string {
  return createHmac("sha256", secret).update(`${VERSION}.${id}`).digest("base64url");
}

export function signShopperId(id: string, secret: string): string {
  return `${VERSION}.${id}.${mac(secret, id)}`;
}

/** The shopper id of a cookie value, or null when it is malformed or the signature is wrong. */
export function verifyShopperCookie(value: string | undefined, secret: string): string | null {
  if (!value) return null;
  const parts = value.split(".");
  if (parts.length !== 3 || parts[0] !== VERSION || !ID_RE.test(parts[1])) return null;
  const expected = Buffer.from(mac(secret, parts[1]));
  const given = Buffer.from(parts[2]);
  return given.length === expected.length && timingSafeEqual(given, expected) ? parts[1] : null;
}

/** One cookie's value from a Cookie header (first occurrence). */
export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const raw = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(raw);
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export function isHttps(request: Request): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0].trim().toLowerCase();
  if (forwarded) return forwarded === "https";
  return new URL(request.url).protocol === "https:";
}

export function shopperCookieHeader(value: string, secure: boolean): string {
  return `${SHOPPER_COOKIE}=${value}; Path=/; Max-Age=${MAX_AGE_S}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/** The shopper of this request and whether the id was just created. */
export async function resolveShopper(request: Request): Promise<{ id: string; created: boolean; secret: string }> {
  const secret = await sessionSecret();
  const id = verifyShopperCookie(readCookie(request.headers.get("cookie"), SHOPPER_COOKIE), secret);
  return id ? { id, created: false, secret } : { id: newShopperId(), created: true, secret };
}

/**
 * The shopper id of a sn_shopper cookie value read outside a route handler (a Server
 * Component's cookies()), or null for a missing or invalid cookie. Never creates a shopper.
 */
export async function shopperIdFromCookie(value: string | undefined): Promise<string | null> {
  if (!value) return null;
  return verifyShopperCookie(value, await sessionSecret());
}

/**
 * Run a handler for the request's shopper. Failures become JSON error responses here, and
 * a newly created shopper gets the signed cookie on whatever response is returned.
 */
export async function withShopper(request: Request, fn: (shopperId: string) => Promise<Response>): Promise<Response> {
  let shopper: { id: string; created: boolean; secret: string };
  try {
    shopper = await resolveShopper(request);
  } catch (e) {
    return errorResponse(e);
  }
  let res: Response;
  try {
    res = await fn(shopper.id);
  } catch (e) {
    res = errorResponse(e);
  }
  // per-shopper data: never stored by shared caches
  if (!res.headers.has("Cache-Control")) res.headers.set("Cache-Control", "private, no-store");
  if (shopper.created) res.headers.append("Set-Cookie", shopperCookieHeader(signShopperId(shopper.id, shopper.secret), isHttps(request)));
  return res;
}
