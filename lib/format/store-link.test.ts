import { describe, expect, it } from "vitest";
import { httpUrl, storeName } from "./store-link";

describe("httpUrl / storeName", () => {
  it("accepts absolute http(s) URLs and names the store without www.", () => {
    expect(httpUrl("https://www.zalando.example/dress-42.html")).toBe("https://www.zalando.example/dress-42.html");
    expect(storeName("https://www.zalando.example/dress-42.html")).toBe("zalando.example");
    expect(storeName("http://shop.acme.example:8080/x")).toBe("shop.acme.example");
  });

  it.each(["", "shop.example/x", "/p/1", "ftp://shop.example/x", "javascript:alert(1)", "data:text/html,hi", "https://a:b@shop.example/"])(
    "refuses %j",
    (value) => {
      expect(httpUrl(value)).toBeNull();
      expect(storeName(value)).toBeNull();
    },
  );
  it("has no store for a missing link", () => {
    expect(storeName(null)).toBeNull();
  });
});
