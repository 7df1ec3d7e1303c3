// Child processes of the benchmark and the load test: commands run to completion, servers started on
// loopback and stopped by their own pid (never by name), their memory read from /proc.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { waitFor } from "./http";

const ROOT = process.cwd();
export const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
export const NEXT = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

export type Run = { code: number; stdout: string; stderr: string; ms: number };

/** Runs a command to the end; rejects on a non-zero exit with its output. */
export function run(command: string, args: string[], env: Record<string, string> = {}, quiet = true): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d;
      if (!quiet) process.stdout.write(d);
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d;
      if (!quiet) process.stderr.write(d);
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const r = { code: code ?? -1, stdout, stderr, ms: performance.now() - started };
      if (code === 0) resolve(r);
      else reject(new Error(`${command} ${args.join(" ")} exited ${code}\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`));
    });
  });
}

export type Server = { name: string; port: number; child: ChildProcess; log: string[] };

const started: Server[] = [];

/** Starts a server process and waits until `ready` answers. */
export async function startServer(name: string, command: string, args: string[], env: Record<string, string>, port: number, ready = "/"): Promise<Server> {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const server: Server = { name, port, child, log: [] };
  const keep = (d: Buffer) => {
    server.log.push(String(d));
    if (server.log.length > 200) server.log.shift();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  started.push(server);
  try {
    await waitFor(`http://127.0.0.1:${port}${ready}`, 180);
  } catch (err) {
    throw new Error(`${name} did not start: ${(err as Error).message}\n${server.log.join("").slice(-3000)}`);
  }
  return server;
}

/** A production server of this app (`next start`, the benchmark's build) on a database. */
export function startApp(name: string, port: number, database: string, distDir: string, env: Record<string, string> = {}): Promise<Server> {
  return startServer(name, process.execPath, ["--import", "tsx", "scripts/serve.ts", "-p", String(port), "-H", "127.0.0.1"], { EVIDENCE_DB: database, NEXT_DIST_DIR: distDir, NODE_ENV: "production", ...env }, port, "/api/studies?limit=1");
}

/** Stops a server by its pid and waits for it to exit. */
export async function stop(server: Server): Promise<void> {
  const i = started.indexOf(server);
  if (i >= 0) started.splice(i, 1);
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.child.once("exit", () => resolve()));
  server.child.kill("SIGTERM");
  const timer = setTimeout(() => server.child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Every server this process started and has not stopped yet (on the way out, also after an error). */
export async function stopAll(): Promise<void> {
  for (const s of [...started].reverse()) await stop(s);
}

/** Resident memory of a process, in MB (Linux /proc). */
export function rssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Peak resident memory of a process so far, in MB (Linux /proc VmHWM). */
export function peakRssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}
