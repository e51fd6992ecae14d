// Preloaded into the `next start` process by lib/cli/start.ts (node --require, with
// STYLENOVA_METHOD_GUARD=1): a request whose method no route handles (TRACE, TRACK, PROPFIND,
// ...) gets a JSON 405 with Allow before Next sees it. Next cannot even build its request
// object for TRACE (the fetch standard forbids the method), so without this it answers a
// plain-text 500 and logs a stack trace. Plain CommonJS because it loads before any
// TypeScript loader or bundle; the guard for undecodable paths is proxy.ts.
"use strict";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS on purpose (see above)
const http = require("node:http");

const ALLOWED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** null when the method is served, else the 405 answer. */
function refuseMethod(method) {
  const m = String(method || "");
  if (ALLOWED_METHODS.includes(m)) return null;
  return {
    status: 405,
    headers: { "Content-Type": "application/json", Allow: ALLOWED_METHODS.join(", "), "Cache-Control": "no-store" },
    body: JSON.stringify({ error: `Method ${m.slice(0, 16).replace(/[^A-Za-z-]/g, "")} is not allowed` }),
  };
}

let installed = false;
/** Wraps every HTTP server's "request" event (idempotent). */
function install() {
  if (installed) return;
  installed = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function guardedEmit(event, req, res) {
    if (event === "request") {
      const refusal = refuseMethod(req.method);
      if (refusal) {
        res.writeHead(refusal.status, refusal.headers);
        res.end(refusal.body);
        return true;
      }
    }
    return emit.apply(this, arguments);
  };
}

module.exports = { ALLOWED_METHODS, refuseMethod, install };
if (process.env.STYLENOVA_METHOD_GUARD === "1") install();
