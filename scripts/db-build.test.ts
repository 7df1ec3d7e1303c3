// The build's atomicity: a broken content file leaves the previous database byte-identical, and a
// good build replaces it only when complete.
import { describe, expect, it } from "vitest";
import { execFileSync, spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync, rmSync } from "node:fs";
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";

const root = process.cwd();
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");

function build(contentDir: string, dbFile: string): { ok: boolean; output: string } {
  try {
    const output = execFileSync(tsx, [path.join(root, "scripts", "db-build.ts")], {
      cwd: root,
      env: { ...process.env, EVIDENCE_CONTENT: contentDir, EVIDENCE_DB: dbFile },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return { ok: true, output };
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

describe("npm run db:build", () => {
  it("builds, then refuses broken content and leaves the previous database byte-identical", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "atomic-"));
    const content = path.join(dir, "content");
    cpSync(path.join(root, "content"), content, { recursive: true });
    const db = path.join(dir, "evidence.db");

    const first = build(content, db);
    expect(first.ok, first.output).toBe(true);
    expect(first.output).toContain("db:build ok");
    const before = sha(db);

    const file = path.join(content, "studies", "ncch-scp-2024.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("endpoint: OS\n", "endpoint: NOT-AN-ENDPOINT\n"));
    const second = build(content, db);
    expect(second.ok).toBe(false);
    expect(second.output).toContain("NOT-AN-ENDPOINT");
    expect(second.output).toContain("the database was not changed");
    expect(sha(db)).toBe(before);

    writeFileSync(file, "id: [broken yaml");
    expect(build(content, db).ok).toBe(false);
    expect(sha(db)).toBe(before);
    // No temporary file is left behind.
    expect(readdirSync(dir).filter((f) => f.includes(".tmp-"))).toEqual([]);
    expect(existsSync(db)).toBe(true);
  }, 240_000);

  it("an interrupted build leaves no temporary file and the previous database as it was; a stale one is removed by the next build", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "interrupted-"));
    const db = path.join(dir, "evidence.db");
    expect(build(path.join(root, "content"), db).ok).toBe(true);
    const before = sha(db);
    const temporaries = () => readdirSync(dir).filter((f) => f.includes(".tmp-"));
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      // As `npm run db:build` runs it: node with tsx's loader, one process. (The tsx command runs the
      // script in a second process and SIGKILLs it when it does not answer a signal within 30 ms,
      // which a build busy writing never does: that left the temporary file behind.)
      const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "db-build.ts")], { cwd: root, env: { ...process.env, EVIDENCE_DB: db }, stdio: "ignore" });
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      let seen = false;
      for (let i = 0; i < 3000 && !seen; i++) {
        seen = temporaries().length > 0;
        if (!seen) await new Promise((r) => setTimeout(r, 10));
      }
      expect(seen, "the build wrote a temporary file").toBe(true);
      child.kill(signal);
      await exited;
      expect(temporaries(), signal).toEqual([]);
      expect(sha(db), signal).toBe(before);
    }
    // A build killed outright (SIGKILL: no clean-up runs) leaves its file; the next build removes it.
    writeFileSync(path.join(dir, "evidence.db.tmp-999999999"), "left by a killed build");
    expect(build(path.join(root, "content"), db).ok).toBe(true);
    expect(temporaries()).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  }, 240_000);
});
