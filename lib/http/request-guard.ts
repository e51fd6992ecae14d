// Requests refused before routing, as JSON (run by proxy.ts for every request): a path that
// is not valid percent-encoding (e.g. /api/products/%ff) gets 400, where Next would otherwise
// answer a plain-text 500 and log a stack trace. (Methods no route serves are refused one
// step earlier, at the HTTP server: lib/http/method-guard.cjs.) Pure: takes the raw path.

export function refusePath(rawPath: string): { status: 400; error: string } | null {
  for (const segment of rawPath.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      return { status: 400, error: "The request path is not valid percent-encoding" };
    }
  }
  return null;
}
