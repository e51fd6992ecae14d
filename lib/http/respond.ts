// The one place where route handlers map errors to HTTP: ZodError -> 400 with field
// paths, known domain errors -> their status, anything else -> 500 without internals.
// Server-only; must not import lib/recommender internals.
import "server-only";
import { NextResponse } from "next/server";
import { ZodError } from "zod";

/** A failure the client caused or can act on (unknown product, conflict ...). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function json(data: unknown, init?: ResponseInit): NextResponse {
  return NextResponse.json(data, init);
}

export function errorResponse(e: unknown): NextResponse {
  if (e instanceof HttpError) {
    return NextResponse.json({ error: e.message, ...(e.details ? { details: e.details } : {}) }, { status: e.status });
  }
  if (e instanceof ZodError) {
    const issues = e.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
    return NextResponse.json({ error: `Invalid request: ${summary}`, issues }, { status: 400 });
  }
  console.error("[stylenova] unhandled error:", e);
  return NextResponse.json({ error: "Internal server error" }, { status: 500 });
}

/** Wrap a handler body so every failure becomes a JSON error response. */
export async function handle(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (e) {
    return errorResponse(e);
  }
}
