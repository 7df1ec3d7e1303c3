// bench/hardening.json: issue 11's closing figures, written by the tests that measure them (the
// mutation suite, the exporters' read-back, the hostile-request and payload e2e specs), one section
// per test, merged into one file. Only counts and test names, never times, so the file is the same
// on every full run and is committed; a partial run (a filtered test) does not write its section.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const HARDENING_REPORT = path.join(process.cwd(), "bench", "hardening.json");

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sorted(v)]));
  return value;
}

/** Sets one section of bench/hardening.json, leaving the others as they are. */
export function recordHardening(section: string, figures: Record<string, unknown>): void {
  const current = existsSync(HARDENING_REPORT) ? (JSON.parse(readFileSync(HARDENING_REPORT, "utf8")) as Record<string, unknown>) : {};
  current[section] = figures;
  mkdirSync(path.dirname(HARDENING_REPORT), { recursive: true });
  writeFileSync(HARDENING_REPORT, `${JSON.stringify(sorted(current), null, 2)}\n`);
}
