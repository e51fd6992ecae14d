// Preloaded into the `next start` process by lib/cli/start.ts (node --require, with
// STYLENOVA_REQUEST_GUARD=1): requests refused before Next sees them, as JSON.
// - A method no route handles (TRACE, PROPFIND, ...) gets 405 with Allow. Next cannot even
//   build its request object for TRACE (the fetch standard forbids the method), so without
//   this it answers a plain-text 500 and logs a stack trace.
// - A path that is not valid percent-encoding (e.g. /api/products/%ff) gets 400, where Next
//   would answer a plain-text 500 while decoding the dynamic segment.
// Plain CommonJS because it loads before any TypeScript loader or bundle.
"use strict";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS on purpose (see above)
const http = require("node:http");

const ALLOWED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function answer(status, error, extraHeaders) {
  return {
    status,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store", ...extraHeaders },
    body: JSON.stringify({ error }),
  };
}

/** null when the request may go on to Next, else the answer. `url` is the raw request target. */
function refuseRequest(method, url) {
  const m = String(method || "");
  if (!ALLOWED_METHODS.includes(m)) {
    return answer(405, `Method ${m.slice(0, 16).replace(/[^A-Za-z-]/g, "")} is not allowed`, { Allow: ALLOWED_METHODS.join(", ") });
  }
  const path = String(url || "/").split("?", 1)[0];
  for (const segment of path.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      return answer(400, "The request path is not valid percent-encoding");
    }
  }
  return null;
}

let installed = false;
/** Wraps every HTTP server's "request" event (idempotent). */
function install() {
  if (installed) return;
  installed = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function guardedEmit(event, req, res) {
    if (event === "request") {
      const refusal = refuseRequest(req.method, req.url);
      if (refusal) {
        res.writeHead(refusal.status, refusal.headers);
        res.end(refusal.body);
        return true;
      }
    }
    return emit.apply(this, arguments);
  };
}

module.exports = { ALLOWED_METHODS, refuseRequest, install };
if (process.env.STYLENOVA_REQUEST_GUARD === "1") install();
