import { describe, expect, it } from "vitest";
import { containsInsensitive, providerOf } from "./dialect";

describe("database dialect", () => {
  it("picks the provider from the URL scheme", () => {
    expect(providerOf("file:/tmp/x.db")).toBe("sqlite");
    expect(providerOf("postgres://u@h:5432/db")).toBe("postgresql");
    expect(providerOf("postgresql://u@h/db")).toBe("postgresql");
    expect(() => providerOf("mysql://x")).toThrow(/DATABASE_URL/);
  });

  it("makes substring filters case-insensitive on PostgreSQL only", () => {
    expect(containsInsensitive("Dress", "sqlite")).toEqual({ contains: "Dress" });
    expect(containsInsensitive("Dress", "postgresql")).toEqual({ contains: "Dress", mode: "insensitive" });
  });
});
