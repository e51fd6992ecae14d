// Admin session tokens, the constant-time token check and the login attempt limiter.
import { describe, expect, it } from "vitest";
import { sessionKey } from "./config";
import { clearLoginAttempts, takeLoginAttempt } from "./login-limit";
import { sessionCookieHeader, signSession, SESSION_TTL_S, tokenMatches, verifySession } from "./session";

const key = sessionKey({ token: "admin-token-123", sessionSecret: undefined });

describe("admin session", () => {
  it("verifies its own token until it expires", () => {
    const now = Date.UTC(2030, 0, 1);
    const { value, expiresAt } = signSession(key, now);
    expect(expiresAt).toBe(now + SESSION_TTL_S * 1000);
    expect(verifySession(value, key, now + 1000)).toEqual({ ok: true, expiresAt });
    expect(verifySession(value, key, expiresAt)).toEqual({ ok: false, reason: "expired" });
  });

  it("rejects tampered, foreign and malformed tokens", () => {
    const now = Date.UTC(2030, 0, 1); // a fixed instant: the test never reads the wall clock
    const { value } = signSession(key, now);
    const [v, exp, nonce, mac] = value.split(".");
    expect(verifySession(`${v}.${Number(exp) + 9999}.${nonce}.${mac}`, key, now).ok).toBe(false);
    expect(verifySession(value, sessionKey({ token: "another-token-456", sessionSecret: undefined }), now)).toEqual({ ok: false, reason: "signature" });
    expect(verifySession(value, sessionKey({ token: "admin-token-123", sessionSecret: "a-server-side-secret-1234" }), now).ok).toBe(false);
    expect(verifySession("garbage", key, now)).toEqual({ ok: false, reason: "malformed" });
    expect(verifySession(undefined, key, now)).toEqual({ ok: false, reason: "missing" });
  });

  it("derives the same key on every instance", () => {
    expect(sessionKey({ token: "admin-token-123", sessionSecret: undefined }).equals(key)).toBe(true);
  });

  it("compares tokens of any length", () => {
    expect(tokenMatches("admin-token-123", "admin-token-123")).toBe(true);
    expect(tokenMatches("admin-token-12", "admin-token-123")).toBe(false);
    expect(tokenMatches("", "admin-token-123")).toBe(false);
  });

  it("sets a strict, httpOnly cookie, Secure only over HTTPS", () => {
    expect(sessionCookieHeader("x", false)).toBe("sn_admin=x; Path=/; Max-Age=28800; HttpOnly; SameSite=Strict");
    expect(sessionCookieHeader("x", true)).toMatch(/; Secure$/);
  });
});

describe("login limiter", () => {
  it("allows 10 attempts per 10-minute window per IP, then asks to wait", () => {
    const t0 = 1_000_000;
    for (let i = 0; i < 10; i++) expect(takeLoginAttempt("1.2.3.4", t0 + i)).toBe(0);
    expect(takeLoginAttempt("1.2.3.4", t0 + 60_000)).toBe(540);
    expect(takeLoginAttempt("5.6.7.8", t0)).toBe(0);
    expect(takeLoginAttempt("1.2.3.4", t0 + 10 * 60_000)).toBe(0);
    clearLoginAttempts("1.2.3.4");
  });
});
