// wabt (WAT -> wasm) for the build script and the drift test.
import path from "node:path";

export const DOT_WAT_PATH = path.join(process.cwd(), "lib/recommender/dot-kernel.wat");

export async function compileDotWat(source: string): Promise<Uint8Array> {
  const wabt = await (await import("wabt")).default();
  const mod = wabt.parseWat("dot-kernel.wat", source, { simd: true });
  try {
    return new Uint8Array(mod.toBinary({}).buffer);
  } finally {
    mod.destroy();
  }
}
