// Integration: GET /media serves files of the media folder only: traversal segments are
// refused, and a symbolic link inside the folder that points outside it is not followed.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { GET } from "./route";

const get = (...parts: string[]) => GET(new Request(`http://localhost/media/${parts.join("/")}`), { params: Promise.resolve({ path: parts }) });

describe("GET /media", () => {
  beforeAll(() => {
    const media = env().mediaDir;
    fs.mkdirSync(path.join(media, "products"), { recursive: true });
    fs.writeFileSync(path.join(media, "products", "a.jpg"), Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
    const outside = path.join(env().dataDir, "secret.jpg");
    fs.writeFileSync(outside, "not for the web");
    fs.symlinkSync(outside, path.join(media, "products", "link.jpg"));
    fs.symlinkSync(env().dataDir, path.join(media, "up"));
    fs.symlinkSync(path.join(media, "products", "a.jpg"), path.join(media, "products", "inside.jpg"));
  });

  it("should serve a file of the media folder with its type", async () => {
    const r = await get("products", "a.jpg");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("image/jpeg");
  });

  it("should not follow a symbolic link out of the media folder", async () => {
    for (const parts of [["products", "link.jpg"], ["up", "secret.jpg"]]) {
      const r = await get(...parts);
      expect(r.status, parts.join("/")).toBe(404);
      expect(await r.text()).not.toContain("not for the web");
    }
  });

  it("should follow a link that stays inside the media folder", async () => {
    expect((await get("products", "inside.jpg")).status).toBe(200);
  });

  it("should refuse traversal segments", async () => {
    expect((await get("..", "secret.jpg")).status).toBe(400);
  });
});
