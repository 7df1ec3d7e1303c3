// Transcription damage: a figure that cannot be what it claims to be, most often a lost decimal
// point in a table ("5740" for a median of 57.40 months; "248" for a hazard ratio of 2.48). The
// check proposes the reading that restores plausibility and, where the same document prints the
// quantity elsewhere, that reading is what the duplicate check compares.
import type { EffectRecord } from "../domain/records";
import { RATIO_MEASURES } from "../content/schema";
import { flagFor, type CheckFlag } from "./types";

const MONTHS_MAX = 240; // 20 years: no median or follow-up in this literature is longer
const RATIO_MAX = 100;

function decimalReadings(text: string, max: number, min = 0): string[] {
  if (!/^\d{3,5}$/.test(text)) return [];
  const out: string[] = [];
  for (let i = 1; i < text.length; i++) {
    const r = `${text.slice(0, i)}.${text.slice(i)}`;
    const v = Number(r);
    if (v <= max && v >= min) out.push(r.replace(/^0(\d)/, "$1"));
  }
  // Tables in this literature print two decimals: that reading first, and alone where it exists.
  const two = out.filter((r) => r.split(".")[1]?.length === 2);
  return two.length ? two : out;
}

export function checkPlausibility(effects: EffectRecord[]): CheckFlag[] {
  const flags: CheckFlag[] = [];
  for (const e of effects) {
    if (e.computed || e.valueText === null || e.value === null) continue;
    const months = (e.unit ?? "").toLowerCase().startsWith("month");
    let limit: number | null = null;
    let what = "";
    if (months && (e.measure === "median" || e.measure === "mean") && e.value > MONTHS_MAX) {
      limit = MONTHS_MAX;
      what = `a ${e.measure} of ${e.valueText} months (over ${MONTHS_MAX / 12} years)`;
    } else if (e.measure && RATIO_MEASURES.has(e.measure) && e.value > RATIO_MAX) {
      limit = RATIO_MAX;
      what = `a ${e.measure} of ${e.valueText}`;
    }
    if (limit === null) continue;
    const readings = decimalReadings(e.valueText, limit, e.ciLower !== null ? e.ciLower : 0).filter((r) => e.ciUpper === null || Number(r) <= e.ciUpper);
    flags.push(
      flagFor(e, "implausible-value", `Printed ${what} is implausible: probably transcription damage (a lost decimal point).`, {
        severity: "error",
        expected: readings.length ? `${readings.join(" or ")}${e.ciLower !== null ? " (within the printed CI)" : ""}` : null,
      }),
    );
  }
  return flags;
}
