// Admin gate for Server Components (pages and layouts): reads the sn_admin cookie through
// next/headers; expiry against the injected clock (lib/clock). Server-only; must not
// import lib/feed or lib/recommender.
import "server-only";
import { currentClock } from "@/lib/clock";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { adminEnabled, sessionKey } from "./config";
import { ADMIN_COOKIE, verifySession } from "./session";

export type AdminPageState = { state: "disabled" } | { state: "anonymous"; expired: boolean } | { state: "signed-in"; expiresAt: number };

export async function adminPageState(): Promise<AdminPageState> {
  if (!adminEnabled()) return { state: "disabled" };
  const jar = await cookies();
  const check = verifySession(jar.get(ADMIN_COOKIE)?.value, sessionKey(), currentClock().now());
  return check.ok ? { state: "signed-in", expiresAt: check.expiresAt } : { state: "anonymous", expired: check.reason === "expired" };
}

/** For pages: null when signed in; redirects to the sign-in page otherwise ("disabled" is returned for the page to explain). */
export async function requireAdminPage(): Promise<"disabled" | null> {
  const s = await adminPageState();
  if (s.state === "disabled") return "disabled";
  if (s.state === "anonymous") redirect(s.expired ? "/admin/login?expired=1" : "/admin/login");
  return null;
}
