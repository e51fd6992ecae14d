// The HTTP-level request guard that `npm start` preloads into `next start`: a real node:http
// server answers TRACE and unknown methods with a JSON 405 and Allow, undecodable paths with
// a JSON 400, and passes everything else on.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import guard from "./request-guard.cjs";

let server: http.Server;
let port = 0;

function send(method: string, path = "/api/cards"): Promise<{ status: number; allow?: string; type?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, allow: res.headers.allow, type: res.headers["content-type"], body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("request guard", () => {
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

  it("should answer a path that is not valid percent-encoding with a JSON 400", async () => {
    for (const p of ["/api/products/%ff", "/api/admin/products/%E0%A4%A", "/p/%", "/media/products/%c3%28.jpg?x=1"]) {
      const r = await send("GET", p);
      expect(r.status, p).toBe(400);
      expect(r.type).toBe("application/json");
      expect(JSON.parse(r.body).error).toMatch(/percent-encoding/);
    }
  });

  it("should pass served methods and valid paths (UTF-8, encoded slashes, odd query strings) to the server", async () => {
    for (const m of ["GET", "POST", "PATCH", "DELETE", "OPTIONS"]) expect((await send(m)).body, m).toBe("served");
    for (const p of ["/p/12", "/media/products/a%20b.jpg", "/x/%E2%82%AC", "/a%2Fb", "/search?q=%ff"]) expect((await send("GET", p)).body, p).toBe("served");
  });
});
