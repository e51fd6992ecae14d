// Unit: next.config.ts applies the security headers to every path (headers() only runs
// under the Next server; the e2e suite checks them in the browser).
import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { contentSecurityPolicy } from "./security-headers";

describe("security headers", () => {
  it("are configured for every path", async () => {
    const rules = await nextConfig.headers!();
    expect(rules).toHaveLength(1);
    expect(rules[0].source).toBe("/:path*");
    const h = Object.fromEntries(rules[0].headers.map((x) => [x.key, x.value]));
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["X-Frame-Options"]).toBe("DENY");
    expect(h["Permissions-Policy"]).toBe("camera=(), microphone=(), geolocation=()");
    for (const d of ["default-src 'self'", "img-src 'self' data: blob:", "connect-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) {
      expect(h["Content-Security-Policy"]).toContain(d);
    }
  });

  it("allows eval only in development", () => {
    expect(contentSecurityPolicy(false)).not.toContain("unsafe-eval");
    expect(contentSecurityPolicy(true)).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy(false)).toContain("script-src 'self' 'unsafe-inline'");
  });
});
