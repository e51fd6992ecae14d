// Bounded request reading for route handlers: JSON bodies (size cap before parsing,
// content type, strict zod schema), query strings and path ids. Failures throw
// HttpError / SyntaxError / ZodError, which lib/http/respond maps to 4xx.
// Server-only; must not import lib/db, lib/feed or lib/recommender.
import "server-only";
import type { z } from "zod";
import { HttpError } from "./respond";

export const MAX_JSON_BYTES = 64 * 1024;

const kb = (n: number) => `${Math.round(n / 1024)} KB`;

/** Reject early when the declared Content-Length exceeds the limit. */
export function checkContentLength(request: Request, maxBytes: number, what: string): void {
  const declared = request.headers.get("content-length");
  if (declared === null) return;
  const n = Number(declared);
  if (!Number.isFinite(n) || n < 0) throw new HttpError(400, "Invalid Content-Length header");
  if (n > maxBytes) throw new HttpError(413, `${what} too large: at most ${kb(maxBytes)} allowed`);
}

/** Read the body, stopping (413) as soon as more than maxBytes arrived. */
export async function readBounded(request: Request, maxBytes: number, what: string): Promise<Uint8Array<ArrayBuffer>> {
  checkContentLength(request, maxBytes, what);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new HttpError(413, `${what} too large: at most ${kb(maxBytes)} allowed`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function requireJsonType(request: Request): void {
  const type = request.headers.get("content-type");
  const mime = type?.split(";")[0].trim().toLowerCase();
  if (mime !== "application/json") throw new HttpError(415, "Content-Type must be application/json");
}

/**
 * Parse a JSON body with a schema. `emptyAs` is used when the body is empty (e.g. {} for
 * POST /api/undo); otherwise an empty body is malformed JSON.
 */
export async function readJson<S extends z.ZodType>(request: Request, schema: S, opts: { emptyAs?: unknown; maxBytes?: number } = {}): Promise<z.output<S>> {
  const bytes = await readBounded(request, opts.maxBytes ?? MAX_JSON_BYTES, "JSON body");
  if (bytes.byteLength === 0 && opts.emptyAs !== undefined) return schema.parse(opts.emptyAs);
  requireJsonType(request);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new SyntaxError("body is not UTF-8");
  }
  const value: unknown = JSON.parse(text);
  return schema.parse(value);
}

/** Query parameters as a plain object for a strict zod schema; a repeated key is a 400. */
export function queryObject(request: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) {
    if (Object.hasOwn(out, key)) throw new HttpError(400, `Query parameter "${key}" given more than once`);
    out[key] = value;
  }
  return out;
}

export function readQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  return schema.parse(queryObject(request));
}

/** A positive integer id from a path segment (400 when it is not one). */
export function parseId(raw: string, what = "product id"): number {
  if (!/^[1-9][0-9]{0,8}$/.test(raw)) throw new HttpError(400, `Invalid ${what} "${raw.slice(0, 20)}": expected a positive integer`);
  return Number(raw);
}
