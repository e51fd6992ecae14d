// The one place where route handlers map errors to HTTP: malformed JSON -> 400, ZodError
// -> 400 with field paths (422 when only semantic refinements failed), HttpError and
// lib/feed FeedError -> their status, anything else -> 500 without internals.
// Server-only; must not import lib/recommender internals or lib/db.
import "server-only";
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { FeedError } from "@/lib/feed/errors";

/** A failure the client caused or can act on (too large, wrong type, rate limited ...). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export interface ErrorBody {
  error: string;
  issues?: { path: string; message: string }[];
  details?: unknown;
  /** a machine-readable reason the client acts on (lib/feed/errors FeedErrorCode) */
  code?: string;
}

export function json(data: unknown, init?: ResponseInit): NextResponse {
  return NextResponse.json(data, init);
}

function zodResponse(e: ZodError): NextResponse {
  const issues = e.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
  // Only custom refinements failing (e.g. minCents > maxCents): well-formed but semantically invalid.
  const status = e.issues.every((i) => i.code === "custom") ? 422 : 400;
  return NextResponse.json({ error: `Invalid request: ${summary}`, issues } satisfies ErrorBody, { status });
}

export function errorResponse(e: unknown): NextResponse {
  if (e instanceof HttpError) {
    const body: ErrorBody = { error: e.message, ...(e.details ? { details: e.details } : {}) };
    return NextResponse.json(body, { status: e.status, headers: e.headers });
  }
  if (e instanceof FeedError) {
    const body: ErrorBody & Record<string, unknown> = { ...e.extra, error: e.message, ...(e.code ? { code: e.code } : {}) };
    return NextResponse.json(body, { status: e.status });
  }
  if (e instanceof ZodError) return zodResponse(e);
  if (e instanceof SyntaxError) return NextResponse.json({ error: "Malformed JSON body" } satisfies ErrorBody, { status: 400 });
  console.error("[stylenova] unhandled error:", e);
  return NextResponse.json({ error: "Internal server error" } satisfies ErrorBody, { status: 500 });
}

/** Wrap a handler body so every failure becomes a JSON error response. */
export async function handle(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (e) {
    return errorResponse(e);
  }
}
