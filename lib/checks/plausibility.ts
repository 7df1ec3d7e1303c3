// Transcription damage: a figure that cannot be what it claims to be, most often a lost decimal
// point in a table ("5740" for a median of 57.40 months; "248" for a hazard ratio of 2.48).
// Curated content reads such a printing (`reading` in the record, the numbers everything computes
// from); this check flags each damaged printing once, on itself, with its reading, and flags as an
// error any implausible printing that has no reading yet.
import { RATIO_MEASURES } from "../content/schema";
import { quantityKey } from "./duplicates";
import { logSymmetricWithinRounding } from "./p-value";
import { flagFor, placeOf, subjectOf, type CheckFlag, type CheckRecord } from "./types";

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

const FIELDS = [
  ["value", "valueText", "value"],
  ["CI lower bound", "ciLowerText", "ciLower"],
  ["CI upper bound", "ciUpperText", "ciUpper"],
  ["range lower bound", "rangeLowerText", "rangeLower"],
  ["range upper bound", "rangeUpperText", "rangeUpper"],
] as const;

/** "HR printed 248, read 2.48" for each field whose reading differs from its print. */
export function readingParts(e: CheckRecord): string[] {
  return FIELDS.filter(([, t]) => e[t] !== e.read[t]).map(([name, t]) => `${name} printed ${e[t]}, read ${e.read[t] ?? "as unreadable"}`);
}

export function checkPlausibility(effects: CheckRecord[]): CheckFlag[] {
  const flags: CheckFlag[] = [];
  const byKey = new Map<string, CheckRecord[]>();
  for (const e of effects) if (!e.computed) byKey.set(quantityKey(e), [...(byKey.get(quantityKey(e)) ?? []), e]);
  for (const e of effects) {
    if (e.computed) continue;
    if (e.readingReason) {
      // A clean printing of the same quantity elsewhere that agrees with the reading confirms it.
      const twin = (byKey.get(quantityKey(e)) ?? []).find((o) => o !== e && !o.readingReason && o.valueText !== null && o.valueText === e.read.valueText);
      // A ratio whose read bound makes its CI centred on the estimate again is confirmed by the paper's own figures.
      const symmetric =
        e.measure !== null && RATIO_MEASURES.has(e.measure) && e.read.valueText && e.read.ciLowerText && e.read.ciUpperText && e.read.ciLowerText !== e.ciLowerText
          ? logSymmetricWithinRounding(e.read.valueText, e.read.ciLowerText, e.read.ciUpperText)
          : false;
      const damaged = FIELDS.filter(([, t]) => e[t] !== e.read[t]);
      const what = damaged.map(([name, t]) => `${name} ${e[t]} (read as ${e.read[t] ?? "unreadable"})`).join(" and ");
      const parts = readingParts(e);
      flags.push(
        flagFor(e, "damaged-print", {
          severity: twin || symmetric ? "note" : "warning",
          summary: `The copy of ${placeOf(e)} prints the ${what} for ${subjectOf(e)}, which cannot be right as printed${twin ? `; ${placeOf(twin)} prints ${e.read.valueText}` : symmetric ? "; the reading makes the confidence interval centred on the estimate again" : ""}. Everything computed here uses the reading.`,
          message: `Damaged print: ${parts.join("; ")}. ${e.readingReason}`,
          otherEffectId: twin?.id ?? null,
          otherLocator: twin ? `${twin.locator} (${twin.publication})` : null,
          expected: e.read.valueText,
        }),
      );
      continue;
    }
    if (e.valueText === null || e.value === null) continue;
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
    const readings = decimalReadings(e.valueText, limit, e.ciLower !== null ? e.ciLower : 0).filter((r) => e.ciUpper === null || Number(r) <= e.ciUpper!);
    flags.push(
      flagFor(e, "implausible-value", {
        severity: "error",
        summary: `${placeOf(e)} prints ${what} for ${subjectOf(e)}, which cannot be right; probably a lost decimal point${readings.length ? ` (${readings.join(" or ")})` : ""}. The record needs a reading.`,
        message: `Printed ${what} is implausible: probably transcription damage (a lost decimal point). Give the record a reading so that nothing computes from the damaged figure.`,
        expected: readings.length ? `${readings.join(" or ")}${e.ciLower !== null ? " (within the printed CI)" : ""}` : null,
      }),
    );
  }
  return flags;
}
