// Types of method-guard.cjs (plain CommonJS so node --require can preload it).
export declare const ALLOWED_METHODS: readonly string[];
export declare function refuseMethod(method: string | undefined): { status: 405; headers: Record<string, string>; body: string } | null;
export declare function install(): void;
declare const guard: { ALLOWED_METHODS: typeof ALLOWED_METHODS; refuseMethod: typeof refuseMethod; install: typeof install };
export default guard;
