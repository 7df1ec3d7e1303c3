// The build's atomicity: a broken content file leaves the previous database byte-identical, and a
// good build replaces it only when complete.
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from "node:fs";
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
  });
});
