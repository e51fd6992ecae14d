import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DOT_WASM } from "@/lib/recommender/dot-kernel-wasm";
import { compileDotWat, DOT_WAT_PATH } from "./wasm";

describe("dot-kernel-wasm.ts", () => {
  it("holds exactly the bytes wabt makes from dot-kernel.wat (run `npm run build:wasm` after editing it)", async () => {
    const bytes = await compileDotWat(readFileSync(DOT_WAT_PATH, "utf8"));
    expect(Buffer.from(DOT_WASM).equals(Buffer.from(bytes))).toBe(true);
  });
});
