// Unit: cookie signing, verification and parsing; the stored secret is created once.
import { describe, expect, it } from "vitest";
import { isHttps, newShopperId, readCookie, sessionSecret, signShopperId, verifyShopperCookie, withShopper } from "./shopper";

const SECRET = "a-test-secret-of-enough-length";

describe("shopper cookie", () => {
  it("round-trips a signed id and rejects tampering", () => {
    const id = newShopperId();
    const value = signShopperId(id, SECRET);
    expect(verifyShopperCookie(value, SECRET)).toBe(id);
    expect(verifyShopperCookie(value, "another-secret-entirely")).toBeNull();
    const other = newShopperId();
    expect(verifyShopperCookie(value.replace(id, other), SECRET)).toBeNull();
    expect(verifyShopperCookie(value.slice(0, -1), SECRET)).toBeNull();
    for (const junk of [undefined, "", "v1", "v1..", "v2." + id + ".x", `v1.${id}.${"A".repeat(1000)}`, "v1.../../.x"]) {
      expect(verifyShopperCookie(junk, SECRET)).toBeNull();
    }
  });

  it("reads one cookie among several", () => {
    expect(readCookie("a=1; sn_shopper=v1.x.y; b=2", "sn_shopper")).toBe("v1.x.y");
    expect(readCookie("a=1", "sn_shopper")).toBeUndefined();
    expect(readCookie(null, "sn_shopper")).toBeUndefined();
    expect(readCookie("sn_shopper=%E0%A4%A", "sn_shopper")).toBeUndefined();
  });

  it("detects HTTPS from the proxy header or the URL", () => {
    expect(isHttps(new Request("http://x/", { headers: { "x-forwarded-proto": "https" } }))).toBe(true);
    expect(isHttps(new Request("https://x/", { headers: { "x-forwarded-proto": "http" } }))).toBe(false);
    expect(isHttps(new Request("https://x/"))).toBe(true);
  });

  it("stores one random secret in the database and reuses it", async () => {
    const [a, b] = await Promise.all([sessionSecret(), sessionSecret()]);
    expect(a).toBe(b);
    expect(a.length).toBeGreaterThanOrEqual(32);
  });

  it("sets the cookie only for a new shopper, also on error responses", async () => {
    const res = await withShopper(new Request("http://x/api"), async () => {
      throw new Error("boom");
    });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: "Internal server error" });
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^sn_shopper=v1\./);
    const again = await withShopper(new Request("http://x/api", { headers: { cookie: cookie.split(";")[0] } }), async (id) => Response.json({ id }));
    expect(again.headers.get("set-cookie")).toBeNull();
    expect(again.headers.get("cache-control")).toBe("private, no-store");
  });
});
