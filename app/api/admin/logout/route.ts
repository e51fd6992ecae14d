// POST /api/admin/logout - end the admin session (clears the sn_admin cookie).
import { assertAdminEnabled, isHttps } from "@/lib/admin/guard";
import { clearSessionCookieHeader } from "@/lib/admin/session";
import { handle, json } from "@/lib/http/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return handle(async () => {
    assertAdminEnabled();
    const res = json({ ok: true });
    res.headers.set("Set-Cookie", clearSessionCookieHeader(isHttps(request)));
    res.headers.set("Cache-Control", "no-store");
    return res;
  });
}
