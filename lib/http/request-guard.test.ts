import { describe, expect, it } from "vitest";
import { refusePath } from "./request-guard";

describe("refusePath", () => {
  it("should refuse a path that is not valid percent-encoding with 400", () => {
    for (const p of ["/api/products/%ff", "/api/admin/products/%E0%A4%A", "/p/%", "/media/products/%c3%28.jpg"]) {
      expect(refusePath(p)?.status, p).toBe(400);
    }
  });

  it("should accept valid encodings, including encoded slashes and UTF-8", () => {
    for (const p of ["/p/12", "/search", "/media/products/a%20b.jpg", "/x/%E2%82%AC", "/a%2Fb", "/"]) expect(refusePath(p), p).toBeNull();
  });
});
