import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "../messages/en.json";
import { CLIENT_KEYS, CLIENT_NAMESPACES, clientMessages } from "./client-messages";

const ROOT = path.resolve(import.meta.dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === "node_modules" ? [] : sources(file);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

describe("the messages sent to the browser", () => {
  const clientFiles = ["app", "components"].flatMap((d) => sources(path.join(ROOT, d))).filter((f) => /^["']use client["']/m.test(readFileSync(f, "utf8")));

  it("cover every message a client component reads", () => {
    expect(clientFiles.length).toBeGreaterThan(8);
    const missing: string[] = [];
    for (const file of clientFiles) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/(\w+) = useTranslations\("(\w+)"\)/g)) {
        const [, variable, ns] = m as unknown as [string, string, string];
        if ((CLIENT_NAMESPACES as readonly string[]).includes(ns)) continue;
        for (const call of text.matchAll(new RegExp(`\\b${variable}\\("(\\w+)"`, "g"))) if (!(CLIENT_KEYS as readonly string[]).includes(`${ns}.${call[1]}`)) missing.push(`${path.relative(ROOT, file)}: ${ns}.${call[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("are those and no more: the server's namespaces stay on the server", () => {
    const sent = clientMessages(en);
    expect(Object.keys(sent).sort()).toEqual([...CLIENT_NAMESPACES, "compare", "pool"].sort());
    expect(Object.keys(sent.compare as object).sort()).toEqual(["find", "matches"]);
    expect(Object.keys(sent.pool as object).sort()).toEqual(["copied", "copyBlocked"]);
    expect(JSON.stringify(sent).length).toBeLessThan(JSON.stringify(en).length / 2);
  });
});
