// Transcription damage: a figure that cannot be what it claims to be, most often a lost decimal
// point in a table ("5740" for a median of 57.40 months; "248" for a hazard ratio of 2.48).
// Curated content reads such a printing (`reading` in the record, the numbers everything computes
// from); this check flags each damaged printing once, on itself, with its reading, and flags as an
// error any implausible printing that has no reading yet.
import { RATIO_MEASURES } from "../content/schema";
import { quantityKey } from "./duplicates";
import { logSymmetricWithinRounding } from "./p-value";
import { joined, phrase, type FlagArg } from "./flag-text";
import { flagFor, measureWord, placeOf, subjectOf, type CheckFlag, type CheckRecord } from "./types";

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

/** The printed fields, by their names in messages' flags.text.field. */
const FIELDS = [
  ["value", "valueText"],
  ["ciLower", "ciLowerText"],
  ["ciUpper", "ciUpperText"],
  ["rangeLowerBound", "rangeLowerText"],
  ["rangeUpperBound", "rangeUpperText"],
] as const;

/** Each field whose reading differs from its print, in a template: "value printed 248, read 2.48". */
function fieldReadings(e: CheckRecord, read: string, unreadable: string): FlagArg[] {
  return FIELDS.filter(([, t]) => e[t] !== e.read[t]).map(([name, t]) => {
    const reading = e.read[t];
    const args = { field: phrase(`field.${name}`), printed: `${e[t]}` };
    return reading === null ? phrase(unreadable, args) : phrase(read, { ...args, read: reading });
  });
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
      flags.push(
        flagFor(e, "damaged-print", {
          severity: twin || symmetric ? "note" : "warning",
          summary: phrase("plausibility.damaged", {
            place: placeOf(e),
            fields: joined("list.and", fieldReadings(e, "plausibility.damagedField", "plausibility.damagedFieldUnreadable")),
            subject: subjectOf(e),
            confirmed: twin ? phrase("plausibility.twin", { place: placeOf(twin), value: `${e.read.valueText}` }) : symmetric ? phrase("plausibility.centred") : "",
          }),
          message: phrase("plausibility.damagedDetail", { fields: joined("list.semicolon", fieldReadings(e, "plausibility.readField", "plausibility.readFieldUnreadable")), reason: e.readingReason }),
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
    let what: FlagArg = "";
    const measure = measureWord(e.measure, { en: "value", zh: "数值" });
    if (months && (e.measure === "median" || e.measure === "mean") && e.value > MONTHS_MAX) {
      limit = MONTHS_MAX;
      what = phrase("plausibility.months", { measure, value: e.valueText, years: String(MONTHS_MAX / 12) });
    } else if (e.measure && RATIO_MEASURES.has(e.measure) && e.value > RATIO_MAX) {
      limit = RATIO_MAX;
      what = phrase("plausibility.ratio", { measure, value: e.valueText });
    }
    if (limit === null) continue;
    const readings = decimalReadings(e.valueText, limit, e.ciLower !== null ? e.ciLower : 0).filter((r) => e.ciUpper === null || Number(r) <= e.ciUpper!);
    const readAs = readings.length ? joined("list.or", readings) : null;
    flags.push(
      flagFor(e, "implausible-value", {
        severity: "error",
        summary: phrase("plausibility.implausible", { place: placeOf(e), what, subject: subjectOf(e), readings: readAs ? phrase("plausibility.readings", { readings: readAs }) : "" }),
        message: phrase("plausibility.implausibleDetail", { what }),
        expected: readAs && e.ciLower !== null ? phrase("plausibility.withinCi", { readings: readAs }) : readAs,
      }),
    );
  }
  return flags;
}
