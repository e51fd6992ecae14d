// The minimal ZIP reader: valid stored + deflate archives extract with CRC checks;
// traversal, absolute paths, oversize, lying sizes, too many entries and duplicates are refused.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractImages, listZip, planExtraction, readEntry, ZIP_LIMITS, ZipError } from "./zip";
import { buildZip } from "./zip-writer";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "sn-zip-"));
const bytes = (n: number, seed = 1) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + seed) % 251));

describe("zip reader", () => {
  it("extracts stored and deflated images flat and ignores other files", async () => {
    const a = bytes(5000, 1);
    const b = bytes(300, 7);
    const zip = buildZip([
      { name: "images/", data: Buffer.alloc(0), method: 0 },
      { name: "images/a.jpg", data: a, method: 8 },
      { name: "images/sub/B.PNG", data: b, method: 0 },
      { name: "notes.txt", data: Buffer.from("hello") },
      { name: "__MACOSX/images/._a.jpg", data: Buffer.from("x") },
      { name: "images/.DS_Store", data: Buffer.from("x") },
    ]);
    const dir = tmp();
    const r = await extractImages(zip, dir);
    expect(r.files.sort()).toEqual(["B.PNG", "a.jpg"]);
    expect(r.ignored).toEqual(["notes.txt", "__MACOSX/images/._a.jpg", "images/.DS_Store"]);
    expect(fs.readFileSync(path.join(dir, "a.jpg")).equals(a)).toBe(true);
    expect(fs.readFileSync(path.join(dir, "B.PNG")).equals(b)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(["B.PNG", "a.jpg"]);
  });

  it.each(["../x.jpg", "images/../../x.jpg", "/etc/x.jpg", "C:/x.jpg", "..\\x.jpg"])("rejects the unsafe entry %s before writing anything", async (name) => {
    const zip = buildZip([{ name: "ok.jpg", data: bytes(10) }, { name, data: bytes(10) }]);
    const dir = tmp();
    await expect(extractImages(zip, path.join(dir, "out"))).rejects.toThrow(/unsafe entry name/);
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
    expect(fs.existsSync(path.join(dir, "x.jpg"))).toBe(false);
  });

  it("rejects an entry larger than the per-entry cap", () => {
    const zip = buildZip([{ name: "big.jpg", data: bytes(2048) }]);
    expect(() => planExtraction(listZip(zip), { ...ZIP_LIMITS, maxEntryBytes: 1024 })).toThrow(/larger than/);
  });

  it("rejects an archive over the archive size cap and one with too many entries", () => {
    const zip = buildZip([{ name: "a.jpg", data: bytes(4000) }, { name: "b.jpg", data: bytes(40) }, { name: "c.jpg", data: bytes(40) }]);
    expect(() => listZip(zip, { ...ZIP_LIMITS, maxArchiveBytes: 100 })).toThrow(/archive is larger than/);
    expect(() => listZip(zip, { ...ZIP_LIMITS, maxEntries: 2 })).toThrow(/3 entries, at most 2/);
  });

  it("catches an entry that inflates beyond its declared size (zip bomb) and a CRC mismatch", async () => {
    const lying = buildZip([{ name: "a.jpg", data: bytes(100_000), declaredSize: 1000 }]);
    const [e] = listZip(lying);
    await expect(readEntry(lying, e)).rejects.toThrow(/inflates beyond its declared size/);
    const good = buildZip([{ name: "a.jpg", data: bytes(500), method: 0 }]);
    const [g] = listZip(good);
    await expect(readEntry(good, { ...g, crc32: (g.crc32 + 1) >>> 0 })).rejects.toThrow(/CRC-32/);
  });

  it("refuses duplicate file names, unsupported methods and non-ZIP input", () => {
    const dup = buildZip([{ name: "x/a.jpg", data: bytes(10) }, { name: "y/A.jpg", data: bytes(10) }]);
    expect(() => planExtraction(listZip(dup))).toThrow(/share the file name/);
    const entries = listZip(buildZip([{ name: "a.jpg", data: bytes(10) }]));
    expect(() => planExtraction([{ ...entries[0], method: 12 }])).toThrow(/compression method 12/);
    expect(() => planExtraction([{ ...entries[0], flags: 1 }])).toThrow(/encrypted/);
    expect(() => listZip(Buffer.from("definitely not a zip file at all, no sir"))).toThrow(ZipError);
  });
});
