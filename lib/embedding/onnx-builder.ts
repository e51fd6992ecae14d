// A minimal ONNX graph writer on top of onnx-proto (protobufjs): nodes, float32 /
// int64 / uint8 initialisers, graph inputs/outputs, serialisation to bytes.
// Used only by the tiny CLIP generator. Must not import onnxruntime or transformers.
import "server-only";
import * as onnxNs from "onnx-proto";

type OnnxNs = typeof onnxNs.onnx;
// onnx-proto is CommonJS: under ESM loaders the namespace sits on `default`.
const onnx: OnnxNs = ((onnxNs as unknown as { default?: { onnx?: OnnxNs } }).default?.onnx ??
  onnxNs.onnx) as OnnxNs;

export const DT = { FLOAT: 1, UINT8: 2, INT8: 3, INT32: 6, INT64: 7 } as const;
export type Dim = number | string;
type AttrValue = number | number[] | string | { float: number };

export const OPSET = 17;

/** Collects nodes and initialisers; every helper returns the output tensor name. */
export class GraphBuilder {
  private nodes: onnxNs.onnx.INodeProto[] = [];
  private inits: onnxNs.onnx.ITensorProto[] = [];
  private inputs: onnxNs.onnx.IValueInfoProto[] = [];
  private outputs: onnxNs.onnx.IValueInfoProto[] = [];
  private counter = 0;

  constructor(private readonly name: string) {}

  fresh(prefix: string): string {
    this.counter += 1;
    return `${prefix}_${this.counter}`;
  }

  input(name: string, elemType: number, shape: Dim[]): string {
    this.inputs.push(valueInfo(name, elemType, shape));
    return name;
  }

  output(name: string, elemType: number, shape: Dim[]): void {
    this.outputs.push(valueInfo(name, elemType, shape));
  }

  /** Add a node; returns its (first) output name. */
  op(opType: string, inputs: string[], attrs: Record<string, AttrValue> = {}, outName?: string): string {
    return this.opMulti(opType, inputs, 1, attrs, outName ? [outName] : undefined)[0];
  }

  opMulti(opType: string, inputs: string[], nOut: number, attrs: Record<string, AttrValue> = {}, outNames?: string[]): string[] {
    const outputs = outNames ?? Array.from({ length: nOut }, () => this.fresh(opType.toLowerCase()));
    const attribute = Object.entries(attrs).map(([k, v]) => attr(k, v));
    this.nodes.push({ opType, input: inputs, output: outputs, name: this.fresh(`n_${opType}`), attribute });
    return outputs;
  }

  /** Rename the last node's first output (to make it a graph output). */
  renameLastOutput(name: string): void {
    const last = this.nodes.at(-1);
    if (!last?.output) throw new Error("renameLastOutput: graph has no nodes");
    last.output[0] = name;
  }

  floatInit(name: string, dims: number[], data: Float32Array): string {
    this.inits.push({ name, dims, dataType: DT.FLOAT, rawData: bytesOf(data) });
    return name;
  }

  uint8Init(name: string, dims: number[], data: Uint8Array): string {
    this.inits.push({ name, dims, dataType: DT.UINT8, rawData: data });
    return name;
  }

  int64Const(values: number[], scalar = false): string {
    const name = this.fresh("c_i64");
    const data = BigInt64Array.from(values.map((v) => BigInt(v)));
    this.inits.push({ name, dims: scalar ? [] : [values.length], dataType: DT.INT64, rawData: bytesOf(data) });
    return name;
  }

  floatScalar(value: number): string {
    return this.floatInit(this.fresh("c_f32"), [], Float32Array.of(value));
  }

  /** Serialise the model (IR 8, default opset). */
  encode(producer = "stylenova-tiny-clip"): Uint8Array {
    const graph = { name: this.name, node: this.nodes, initializer: this.inits, input: this.inputs, output: this.outputs };
    const model = onnx.ModelProto.create({
      irVersion: 8,
      producerName: producer,
      opsetImport: [{ domain: "", version: OPSET }],
      graph,
    });
    return onnx.ModelProto.encode(model).finish();
  }
}

function bytesOf(a: Float32Array | BigInt64Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

function valueInfo(name: string, elemType: number, shape: Dim[]): onnxNs.onnx.IValueInfoProto {
  const dim = shape.map((d) => (typeof d === "number" ? { dimValue: d } : { dimParam: d }));
  return { name, type: { tensorType: { elemType, shape: { dim } } } };
}

function attr(name: string, v: AttrValue): onnxNs.onnx.IAttributeProto {
  const T = onnx.AttributeProto.AttributeType;
  if (typeof v === "string") return { name, type: T.STRING, s: new TextEncoder().encode(v) };
  if (Array.isArray(v)) return { name, type: T.INTS, ints: v };
  if (typeof v === "object") return { name, type: T.FLOAT, f: v.float };
  return { name, type: T.INT, i: v };
}
