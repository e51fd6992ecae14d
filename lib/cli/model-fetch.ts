// npm run model:fetch [-- --variant q8|fp32|all] [--base-url URL]
// Downloads the CLIP model files (transformers.js layout) from the Hugging Face hub
// into <modelsDir>/<clipModel>/, resumable (HTTP Range onto <file>.part), size-checked
// against Content-Length. Offline it fails within ~8 s, saying how to place the files
// by hand. The only network access in the project. Must not import lib/db or lib/feed.
import { createWriteStream, existsSync, statSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { env } from "../env";

const CONNECT_TIMEOUT_MS = 8_000;
const STALL_TIMEOUT_MS = 30_000;
const JSON_FILES = ["config.json", "preprocessor_config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"];

class NetworkError extends Error {}

export function filesFor(variant: "q8" | "fp32" | "all"): string[] {
  const onnx = (q: boolean) => [`onnx/vision_model${q ? "_quantized" : ""}.onnx`, `onnx/text_model${q ? "_quantized" : ""}.onnx`];
  const models = variant === "all" ? [...onnx(true), ...onnx(false)] : onnx(variant === "q8");
  return [...JSON_FILES, ...models];
}

/** fetch with a deadline until the response headers arrive. */
async function fetchWithTimeout(url: string, init: RequestInit = {}): Promise<Response> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), CONNECT_TIMEOUT_MS);
  try {
    return await fetch(url, { ...init, signal: ctrl.signal, redirect: "follow" });
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const why = ctrl.signal.aborted ? `no answer within ${CONNECT_TIMEOUT_MS / 1000} s` : (cause?.code ?? cause?.message ?? String(err));
    throw new NetworkError(`cannot reach ${new URL(url).host} (${why})`);
  } finally {
    clearTimeout(timer);
  }
}

/** Expected size of a remote file (Content-Length of the final response; HF also sends x-linked-size). */
async function remoteSize(url: string): Promise<number | undefined> {
  const res = await fetchWithTimeout(url, { method: "HEAD" });
  if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
  const n = Number(res.headers.get("x-linked-size") ?? res.headers.get("content-length"));
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

async function download(url: string, dest: string, onBytes: (n: number) => void): Promise<void> {
  const expected = await remoteSize(url);
  if (expected !== undefined && existsSync(dest) && statSync(dest).size === expected) return;
  await mkdir(path.dirname(dest), { recursive: true });
  const part = `${dest}.part`;
  const have = existsSync(part) ? statSync(part).size : 0;
  const res = await fetchWithTimeout(url, have > 0 ? { headers: { Range: `bytes=${have}-` } } : {});
  if (res.status === 416 && expected === have) return finish(part, dest, expected);
  if (!res.ok || !res.body) throw new Error(`HTTP ${res.status} for ${url}`);
  const append = res.status === 206;
  const body = Readable.fromWeb(res.body as import("node:stream/web").ReadableStream);
  let stall = setTimeout(() => body.destroy(new NetworkError(`download stalled for ${STALL_TIMEOUT_MS / 1000} s`)), STALL_TIMEOUT_MS);
  body.on("data", (chunk: Buffer) => {
    clearTimeout(stall);
    stall = setTimeout(() => body.destroy(new NetworkError(`download stalled for ${STALL_TIMEOUT_MS / 1000} s`)), STALL_TIMEOUT_MS);
    onBytes(chunk.length);
  });
  try {
    await pipeline(body, createWriteStream(part, { flags: append ? "a" : "w" }));
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new NetworkError(`download of ${path.basename(dest)} interrupted (${why}); run the command again to resume`);
  } finally {
    clearTimeout(stall);
  }
  await finish(part, dest, expected);
}

async function finish(part: string, dest: string, expected: number | undefined): Promise<void> {
  const size = statSync(part).size;
  if (expected !== undefined && size !== expected) {
    if (size > expected) await rm(part);
    throw new Error(`${path.basename(dest)}: got ${size} bytes, expected ${expected}; run the command again to resume`);
  }
  await rename(part, dest);
}

function manualHelp(model: string, dir: string, files: string[], base: string): string {
  return [
    `Could not download from ${new URL(base).host}. To install the model by hand, copy these files`,
    `from ${base}/${model}/tree/main (or any machine that has them) into ${dir}:`,
    ...files.map((f) => `  ${path.join(dir, f)}`),
    `Until then StyleNova runs with its pixel-descriptor fallback (see /api/health).`,
  ].join("\n");
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { variant: { type: "string" }, "base-url": { type: "string" } },
  });
  const e = env();
  const variant = (values.variant ?? (e.clipQuantized ? "q8" : "fp32")) as "q8" | "fp32" | "all";
  if (!["q8", "fp32", "all"].includes(variant)) throw new Error(`--variant must be q8, fp32 or all`);
  const base = (values["base-url"] ?? process.env.HF_ENDPOINT ?? "https://huggingface.co").replace(/\/$/, "");
  const dir = path.join(e.modelsDir, ...e.clipModel.split("/"));
  const files = filesFor(variant);
  try {
    for (const f of files) {
      let got = 0;
      const started = Date.now();
      await download(`${base}/${e.clipModel}/resolve/main/${f}`, path.join(dir, f), (n) => {
        got += n;
        if (process.stdout.isTTY) process.stdout.write(`\r${f}: ${(got / 1e6).toFixed(1)} MB`);
      });
      console.log(`${process.stdout.isTTY ? "\r" : ""}${f}: ok (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    console.error(`model:fetch failed: ${msg}`);
    console.error(manualHelp(e.clipModel, dir, files, base));
    return err instanceof NetworkError ? 2 : 1;
  }
  console.log(`CLIP model ${e.clipModel} (${variant}) is in ${dir}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`model:fetch failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
