// Admin settings: the admin token and the session signing key. Read from lib/env (parsed
// once) unless a test installs an override, so tests can switch admin on and off in one
// process. Server-only; must not import lib/feed, lib/recommender or next.
import "server-only";
import { createHmac } from "node:crypto";
import { env } from "@/lib/env";

export interface AdminSettings {
  /** undefined: admin is disabled */
  token: string | undefined;
  /** SESSION_SECRET when set */
  sessionSecret: string | undefined;
}

const g = globalThis as unknown as { __stylenovaAdminOverride?: AdminSettings | null };

/** Tests: force settings (null restores the environment). */
export function setAdminSettingsForTests(s: AdminSettings | null): void {
  g.__stylenovaAdminOverride = s;
}

export function adminSettings(): AdminSettings {
  if (g.__stylenovaAdminOverride) return g.__stylenovaAdminOverride;
  const e = env();
  return { token: e.adminToken, sessionSecret: e.sessionSecret };
}

export function adminEnabled(): boolean {
  const t = adminSettings().token;
  return typeof t === "string" && t.length >= 8;
}

/**
 * The HMAC key for admin session cookies. Always bound to the admin token, so changing
 * ADMIN_TOKEN ends every session; SESSION_SECRET (when set) adds a server-side secret.
 * Deterministic, so every instance with the same settings accepts the same cookie.
 */
export function sessionKey(s: AdminSettings = adminSettings()): Buffer {
  if (!s.token) throw new Error("admin is disabled");
  return s.sessionSecret
    ? createHmac("sha256", s.sessionSecret).update(`stylenova-admin-session|${s.token}`).digest()
    : createHmac("sha256", s.token).update("stylenova-admin-session").digest();
}

export const DISABLED_MESSAGE =
  "Store admin is disabled: set the ADMIN_TOKEN environment variable (at least 8 characters) and restart the server.";
