// A throwaway local PostgreSQL server for tests and benchmarks: Debian's postgresql-15
// (installed with apt-get when missing and running as root), a fresh cluster in a temp
// folder (initdb + pg_ctl, as the postgres user when root), listening on 127.0.0.1 only
// with trust authentication for loopback, durability switched off (test data only).
// Used by lib/cli/test-pg.ts, lib/cli/bench-scale.ts and lib/testing/setup.ts (fresh
// database per test file). Never used by the app at run time.
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export interface LocalPg {
  /** postgres://postgres@127.0.0.1:<port> (no database: append "/<name>") */
  baseUrl: string;
  port: number;
  dataDir: string;
  stop: () => void;
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** The folder with initdb/pg_ctl of an installed PostgreSQL (newest major), or null. */
export function findPgBin(): string | null {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const majors = fs
    .readdirSync(root)
    .filter((d) => fs.existsSync(path.join(root, d, "bin", "pg_ctl")))
    .sort((a, b) => Number(b) - Number(a));
  return majors.length ? path.join(root, majors[0], "bin") : null;
}

/** Install postgresql-15 with apt-get when it is missing (root only). */
export function ensurePgInstalled(log: (line: string) => void = () => undefined): string {
  const found = findPgBin();
  if (found) return found;
  if (!isRoot() || !fs.existsSync("/usr/bin/apt-get")) {
    throw new Error("PostgreSQL is not installed (need /usr/lib/postgresql/<major>/bin); install postgresql-15 or run as root on Debian");
  }
  log("installing postgresql-15 with apt-get ...");
  const opts: SpawnSyncOptions = { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } };
  spawnSync("apt-get", ["update", "-qq"], opts);
  const r = spawnSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "postgresql-15"], opts);
  const bin = findPgBin();
  if (r.status !== 0 || !bin) throw new Error("apt-get install postgresql-15 failed");
  return bin;
}

/** A free TCP port on 127.0.0.1, preferring `preferred`. */
export async function freePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const srv = net.createServer();
      srv.once("error", () => resolve(null));
      srv.listen(port, "127.0.0.1", () => {
        const p = (srv.address() as net.AddressInfo).port;
        srv.close(() => resolve(p));
      });
    });
  if (preferred) {
    const p = await tryPort(preferred);
    if (p) return p;
  }
  const p = await tryPort(0);
  if (!p) throw new Error("no free TCP port on 127.0.0.1");
  return p;
}

function run(bin: string, args: string[], opts: { asPostgres: boolean }): void {
  const cmd = opts.asPostgres ? "runuser" : bin;
  const argv = opts.asPostgres ? ["-u", "postgres", "--", bin, ...args] : args;
  const r = spawnSync(cmd, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (r.status !== 0) throw new Error(`${path.basename(bin)} ${args.join(" ")} failed: ${(r.stderr || r.stdout || String(r.error)).trim().slice(-800)}`);
}

/** Start a fresh cluster on 127.0.0.1:<port>; call stop() to shut it down and delete it. */
export async function startLocalPg(opts: { port?: number; log?: (line: string) => void } = {}): Promise<LocalPg> {
  const log = opts.log ?? (() => undefined);
  const bin = ensurePgInstalled(log);
  const asPostgres = isRoot(); // initdb refuses to run as root
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "stylenova-pg-"));
  if (asPostgres) spawnSync("chown", ["-R", "postgres:postgres", dataDir]);
  const port = await freePort(opts.port ?? 55432);
  const user = asPostgres ? "postgres" : os.userInfo().username;
  run(path.join(bin, "initdb"), ["-D", dataDir, "-U", user, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"], { asPostgres });
  fs.writeFileSync(path.join(dataDir, "pg_hba.conf"), "local all all trust\nhost all all 127.0.0.1/32 trust\n");
  fs.appendFileSync(
    path.join(dataDir, "postgresql.conf"),
    [
      "listen_addresses = '127.0.0.1'",
      `port = ${port}`,
      `unix_socket_directories = '${dataDir}'`,
      "max_connections = 300",
      "shared_buffers = 256MB",
      "fsync = off",
      "synchronous_commit = off",
      "full_page_writes = off",
      "",
    ].join("\n"),
  );
  if (asPostgres) spawnSync("chown", ["-R", "postgres:postgres", dataDir]);
  run(path.join(bin, "pg_ctl"), ["-D", dataDir, "-l", path.join(dataDir, "server.log"), "-w", "-t", "60", "start"], { asPostgres });
  log(`PostgreSQL ${path.basename(path.dirname(bin))} started on 127.0.0.1:${port} (data in ${dataDir})`);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run(path.join(bin, "pg_ctl"), ["-D", dataDir, "-m", "fast", "-w", "stop"], { asPostgres });
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  };
  return { baseUrl: `postgres://${user}@127.0.0.1:${port}`, port, dataDir, stop };
}

/** Create a fresh, empty database on the server and return its URL. */
export async function createDatabase(baseUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`bad database name ${name}`);
  const client = new pg.Client({ connectionString: `${baseUrl}/postgres` });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  return `${baseUrl}/${name}`;
}

/**
 * Start a throwaway local PostgreSQL, run fn with its base URL, and stop it. Returns null,
 * or the reason it could not be started (logged; the caller reports the step as skipped).
 */
export async function withLocalPg(log: (line: string) => void, fn: (baseUrl: string) => Promise<void>): Promise<string | null> {
  let server: LocalPg;
  try {
    server = await startLocalPg({ log });
  } catch (e) {
    const reason = `PostgreSQL could not be started: ${(e as Error).message}`;
    log(`SKIPPED PostgreSQL: ${reason}`);
    return reason;
  }
  try {
    await fn(server.baseUrl);
  } finally {
    server.stop();
  }
  return null;
}
