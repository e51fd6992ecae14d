// Next.js proxy (runs before routing, on every request but static assets): a path that is not
// valid percent-encoding gets a JSON 400 (lib/http/request-guard.ts) instead of Next's
// plain-text 500.
import { NextResponse, type NextRequest } from "next/server";
import { refusePath } from "@/lib/http/request-guard";

export function proxy(request: NextRequest): NextResponse {
  const refusal = refusePath(new URL(request.url).pathname);
  return refusal ? NextResponse.json({ error: refusal.error }, { status: refusal.status }) : NextResponse.next();
}

export const config = {
  matcher: ["/((?!_next/static|_next/image).*)"],
};
