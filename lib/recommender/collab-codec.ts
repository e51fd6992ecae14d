// Binary codec of a trained collaborative model (the model table's `bytes`), little-endian:
//   "SNCM" | format u32 | kind u8 + 3 pad | version u32 | lastEventId f64 | trainedAt f64 |
//   items u32 | kind header | item ids i32[items] | payload | FNV-1a u32 of all bytes before
// item-knn header: values f64x3, neighbour count u32; payload offsets i32[items+1],
//   neighbours i32[nnz], sims f32[nnz]
// als header: factors u32, regularization f64, alpha f64, weights f64x3, flags u32 (format >= 2;
//   bit 0: weighted regularization, ALS-WR); payload f32[items*k]
// ease header: values f64x3; payload f32[items*items]
// A blob with another magic, a newer format, a bad checksum or inconsistent sizes is
// refused with an error naming the problem (the loader keeps the previous model).
// This is the documented contract an external trainer (e.g. Spark ALS) writes.
// Pure: must not import anything outside lib/recommender.
import { COLLAB_KINDS, makeCollabModel, type CollabModel, type CollabModelBody, type CollabModelHeader } from "./collab-model";

/** 2: the ALS header gained a flags word (format-1 blobs still load, flags 0). */
export const COLLAB_FORMAT = 2;
const MAGIC = [0x53, 0x4e, 0x43, 0x4d]; // "SNCM"

export class CollabModelFormatError extends Error {}

function fnv1a(bytes: Uint8Array, end: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < end; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

class Writer {
  private parts: Uint8Array[] = [];
  private size = 0;
  private push(b: Uint8Array) {
    this.parts.push(b);
    this.size += b.length;
  }
  bytes(b: ArrayLike<number>) {
    this.push(Uint8Array.from(b));
  }
  u32(v: number) {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, v, true);
    this.push(b);
  }
  f64(v: number) {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, v, true);
    this.push(b);
  }
  array(a: Int32Array | Float32Array) {
    const copy = a.slice(); // little-endian on every supported platform (checked below)
    this.push(new Uint8Array(copy.buffer, copy.byteOffset, copy.byteLength));
  }
  finish(): Uint8Array {
    const out = new Uint8Array(this.size + 4);
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    new DataView(out.buffer).setUint32(at, fnv1a(out, at), true);
    return out;
  }
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function encodeCollabModel(m: CollabModel): Uint8Array {
  if (!LITTLE_ENDIAN) throw new Error("encodeCollabModel: big-endian platforms are not supported");
  const w = new Writer();
  w.bytes(MAGIC);
  w.u32(COLLAB_FORMAT);
  w.bytes([COLLAB_KINDS.indexOf(m.kind), 0, 0, 0]);
  w.u32(m.version);
  w.f64(m.lastEventId);
  w.f64(m.trainedAt);
  w.u32(m.itemIds.length);
  if (m.kind === "item-knn") {
    m.values.forEach((v) => w.f64(v));
    w.u32(m.table.neighbours.length);
  } else if (m.kind === "als") {
    w.u32(m.params.factors);
    w.f64(m.params.regularization);
    w.f64(m.params.alpha);
    m.params.weights.forEach((v) => w.f64(v));
    w.u32(m.params.weightedRegularization ? 1 : 0);
  } else {
    m.values.forEach((v) => w.f64(v));
  }
  w.array(m.itemIds);
  if (m.kind === "item-knn") {
    w.array(m.table.offsets);
    w.array(m.table.neighbours);
    w.array(m.table.sims);
  } else if (m.kind === "als") w.array(m.itemFactors);
  else w.array(m.weights);
  return w.finish();
}

class Reader {
  at = 0;
  private view: DataView;
  constructor(private b: Uint8Array, private end: number) {
    this.view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  }
  need(n: number, what: string) {
    if (this.at + n > this.end) throw new CollabModelFormatError(`corrupt collaborative model: truncated in ${what}`);
  }
  u8(what: string) {
    this.need(1, what);
    return this.b[this.at++];
  }
  u32(what: string) {
    this.need(4, what);
    const v = this.view.getUint32(this.at, true);
    this.at += 4;
    return v;
  }
  f64(what: string) {
    this.need(8, what);
    const v = this.view.getFloat64(this.at, true);
    this.at += 8;
    return v;
  }
  i32s(n: number, what: string): Int32Array {
    this.need(n * 4, what);
    const out = new Int32Array(this.b.slice(this.at, this.at + n * 4).buffer);
    this.at += n * 4;
    return out;
  }
  f32s(n: number, what: string): Float32Array {
    this.need(n * 4, what);
    const out = new Float32Array(this.b.slice(this.at, this.at + n * 4).buffer);
    this.at += n * 4;
    return out;
  }
}

export function decodeCollabModel(bytes: Uint8Array): CollabModel {
  if (!LITTLE_ENDIAN) throw new Error("decodeCollabModel: big-endian platforms are not supported");
  if (bytes.length < 12 || MAGIC.some((c, i) => bytes[i] !== c)) throw new CollabModelFormatError("not a collaborative model (bad magic bytes)");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const format = view.getUint32(4, true);
  if (format > COLLAB_FORMAT) throw new CollabModelFormatError(`collaborative model format ${format} is newer than this app reads (${COLLAB_FORMAT})`);
  if (format < 1) throw new CollabModelFormatError(`collaborative model format ${format} is unknown`);
  const end = bytes.length - 4;
  if (view.getUint32(end, true) !== fnv1a(bytes, end)) throw new CollabModelFormatError("corrupt collaborative model: checksum mismatch");
  const r = new Reader(bytes, end);
  r.at = 8;
  const kindCode = r.u8("kind");
  r.at += 3;
  const kind = COLLAB_KINDS[kindCode];
  if (!kind) throw new CollabModelFormatError(`corrupt collaborative model: unknown kind ${kindCode}`);
  const version = r.u32("version");
  const lastEventId = r.f64("lastEventId");
  const trainedAt = r.f64("trainedAt");
  const n = r.u32("item count");
  let body: CollabModelBody;
  const values = () => [r.f64("values"), r.f64("values"), r.f64("values")] as const;
  let itemIds: Int32Array;
  if (kind === "item-knn") {
    const v = values();
    const nnz = r.u32("neighbour count");
    itemIds = r.i32s(n, "item ids");
    const offsets = r.i32s(n + 1, "offsets");
    if (offsets[n] !== nnz) throw new CollabModelFormatError("corrupt collaborative model: neighbour offsets do not match the count");
    const neighbours = r.i32s(nnz, "neighbours");
    if (neighbours.some((j) => j < 0 || j >= n)) throw new CollabModelFormatError("corrupt collaborative model: neighbour out of range");
    body = { kind, values: v, table: { offsets, neighbours, sims: r.f32s(nnz, "similarities") } };
  } else if (kind === "als") {
    const factors = r.u32("factors");
    const regularization = r.f64("regularization");
    const alpha = r.f64("alpha");
    const weights = values();
    const flags = format >= 2 ? r.u32("flags") : 0;
    if (flags > 1) throw new CollabModelFormatError(`corrupt collaborative model: unknown ALS flags ${flags}`);
    if (factors < 1 || factors > 1024) throw new CollabModelFormatError(`corrupt collaborative model: ${factors} factors`);
    itemIds = r.i32s(n, "item ids");
    body = { kind, params: { factors, regularization, alpha, weights, weightedRegularization: flags === 1 }, itemFactors: r.f32s(n * factors, "item factors") };
  } else {
    const v = values();
    itemIds = r.i32s(n, "item ids");
    body = { kind, values: v, weights: r.f32s(n * n, "weights") };
  }
  if (r.at !== end) throw new CollabModelFormatError(`corrupt collaborative model: ${end - r.at} unexpected trailing bytes`);
  const header: CollabModelHeader = { version, lastEventId, trainedAt, itemIds };
  return makeCollabModel(header, body);
}
