// The HTTP-level method guard that `npm start` preloads into `next start`: a real node:http
// server answers TRACE and unknown methods with a JSON 405 and Allow, and serves the rest.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import guard from "./method-guard.cjs";

let server: http.Server;
let port = 0;

function send(method: string): Promise<{ status: number; allow?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path: "/api/cards" }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, allow: res.headers.allow, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("method guard", () => {
  beforeAll(async () => {
    guard.install();
    server = http.createServer((_req, res) => res.end("served"));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("should answer TRACE and other methods no route serves with a JSON 405 naming the method", async () => {
    for (const m of ["TRACE", "PROPFIND", "MKCOL"]) {
      const r = await send(m);
      expect(r.status, m).toBe(405);
      expect(r.allow).toContain("GET");
      expect(JSON.parse(r.body)).toEqual({ error: `Method ${m} is not allowed` });
    }
  });

  it("should pass the methods the routes answer to the server", async () => {
    for (const m of ["GET", "POST", "PATCH", "DELETE", "OPTIONS"]) expect((await send(m)).body, m).toBe("served");
  });
});
