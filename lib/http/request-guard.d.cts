// Types of request-guard.cjs (plain CommonJS so node --require can preload it).
export interface Refusal {
  status: 400 | 405;
  headers: Record<string, string>;
  body: string;
}
export declare const ALLOWED_METHODS: readonly string[];
export declare function refuseRequest(method: string | undefined, url: string | undefined): Refusal | null;
export declare function install(): void;
declare const guard: { ALLOWED_METHODS: typeof ALLOWED_METHODS; refuseRequest: typeof refuseRequest; install: typeof install };
export default guard;
