// Printed numbers stand for intervals: "2.20" for [2.195, 2.205]. The checks compare intervals,
// so that a disagreement is reported only where no rounding of the true values explains it.
import { parsePrinted, halfUnit } from "../content/printed";

export type Range = { lo: number; hi: number };

export function printedRange(text: string | null): Range | null {
  if (text === null) return null;
  const p = parsePrinted(text);
  if (!p) return null;
  const h = halfUnit(p);
  return { lo: p.value - h, hi: p.value + h };
}

export function overlaps(a: Range, b: Range, slack = 1e-9): boolean {
  return a.lo <= b.hi + slack && b.lo <= a.hi + slack;
}

export function decimalsOf(text: string | null): number {
  return text === null ? 0 : (parsePrinted(text)?.decimals ?? 0);
}

export function fmt(x: number, decimals: number): string {
  return x.toFixed(Math.max(0, Math.min(decimals, 6)));
}
