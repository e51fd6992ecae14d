// Test helpers for the API integration tests: seed a small catalog into the test
// file's own database, call real route handlers with real Request objects, keep a
// cookie jar per simulated shopper, and snapshot what is stored. Test-only.
import sharp from "sharp";
import { expect } from "vitest";
import { seedBundledCatalog } from "@/lib/catalog/seed";
import { db } from "@/lib/db/client";
import { getEmbedder } from "@/lib/embedding";
import { resetRateLimits, setRateLimitEnabled } from "@/lib/http/rate-limit";

export const ORIGIN = "http://localhost:3000";

type Params = Record<string, string>;
type Handler<P extends Params> = (request: Request, ctx: { params: Promise<P> }) => Promise<Response>;

export interface Shopper {
  cookie: string | null;
}

export interface CallOptions<P extends Params = Params> {
  method?: string;
  json?: unknown;
  rawBody?: BodyInit;
  headers?: Record<string, string>;
  params?: P;
  shopper?: Shopper;
}

export interface ApiResult<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export async function seedCatalog(count = 120): Promise<void> {
  await seedBundledCatalog({ embedder: await getEmbedder(), count });
  resetRateLimits();
  setRateLimitEnabled(true);
}

export function newShopper(): Shopper {
  return { cookie: null };
}

function buildRequest<P extends Params>(path: string, o: CallOptions<P>): Request {
  const headers = new Headers(o.headers);
  if (o.shopper?.cookie) headers.set("cookie", o.shopper.cookie);
  let body: BodyInit | undefined = o.rawBody;
  if (o.json !== undefined) {
    body = JSON.stringify(o.json);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  return new Request(`${ORIGIN}${path}`, { method: o.method ?? (body === undefined ? "GET" : "POST"), headers, body });
}

/** Call a route handler; remembers the shopper cookie it sets. */
export async function call<T = Record<string, unknown>, P extends Params = Params>(handler: Handler<P>, path: string, o: CallOptions<P> = {}): Promise<ApiResult<T>> {
  const res = await handler(buildRequest(path, o), { params: Promise.resolve((o.params ?? {}) as P) });
  const setCookie = res.headers.get("set-cookie");
  if (setCookie && o.shopper) o.shopper.cookie = setCookie.split(";")[0];
  const text = await res.text();
  expect(res.headers.get("content-type") ?? "").toContain("application/json");
  return { status: res.status, body: JSON.parse(text) as T, headers: res.headers };
}

/** A 4xx JSON error whose message mentions `mention` (case-insensitive). */
export function expectClientError(r: ApiResult, status: number, mention?: RegExp): void {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(typeof r.body.error).toBe("string");
  expect(String(r.body.error)).not.toMatch(/\bat .+\(.+:\d+:\d+\)/); // no stack trace
  if (mention) expect(String(r.body.error)).toMatch(mention);
}

export interface Snapshot {
  events: number;
  activeEvents: number;
  shoppers: number;
  states: string;
}

/** What is stored: event counts and every shopper's quiz/state JSON. */
export async function snapshot(): Promise<Snapshot> {
  const client = await db();
  const [events, activeEvents, shoppers] = await Promise.all([
    client.feedbackEvent.count(),
    client.feedbackEvent.count({ where: { undone: false } }),
    client.shopper.findMany({ orderBy: { id: "asc" }, select: { id: true, quiz: true, state: true, eventCount: true } }),
  ]);
  return { events, activeEvents, shoppers: shoppers.length, states: JSON.stringify(shoppers) };
}

/** The shopper id behind a cookie "sn_shopper=v1.<id>.<sig>". */
export function shopperIdOf(s: Shopper): string {
  const v = decodeURIComponent(s.cookie?.split("=")[1] ?? "");
  return v.split(".")[1];
}

export async function pngImage(width: number, height: number, rgb = { r: 20, g: 20, b: 160 }): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: rgb } }).png().toBuffer();
}

export function photoForm(bytes: Uint8Array, name = "photo.png", type = "image/png"): FormData {
  const form = new FormData();
  form.set("image", new Blob([new Uint8Array(bytes)], { type }), name);
  return form;
}

export const QUIZ = {
  categories: [],
  colours: ["black", "navy"],
  brands: [],
  styles: ["casual"],
  gender: null,
  sizes: [],
  budget: { minCents: null, maxCents: null },
};

let seq = 0;
export function eventId(prefix = "evt"): string {
  seq++;
  return `${prefix}-${Date.now().toString(36)}-${seq.toString(36).padStart(4, "0")}`;
}
