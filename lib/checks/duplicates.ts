// The same quantity printed twice with different values: within one document (abstract vs table),
// and between a secondary report and the primary source of the same study.
// A difference the paper explains, a later report updating an earlier one, or a damaged printing
// whose reading agrees with its twin is a note; a printing the paper itself shows to be wrong is an
// error and its consistent twin a note; a disagreement nothing settles is a warning on both sides.
import type { EffectRecord } from "../domain/records";
import { overlaps, printedRange } from "./rounding";
import { printedPRange } from "./p-value";
import { flagFor, inSentence, placeOf, subjectOf, where, type CheckFlag, type CheckRecord } from "./types";

const norm = (s: string | null) => (s ?? "").toLowerCase().replace(/[^a-z0-9%<>=.]+/g, "");

/** What makes two records the same quantity, regardless of where or by whom it was printed. */
export function quantityKey(e: EffectRecord): string {
  const arm = e.kind === "arm" || e.kind === "frequency";
  return [
    e.studyId,
    e.kind,
    e.endpoint,
    e.measure,
    e.timepoint,
    e.report,
    e.analysis,
    // p-only and direction records carry what was compared in words: the comparison id stands for it.
    e.kind === "p-only" || e.kind === "direction" ? (e.comparison ?? norm(e.statement)) : "",
    [...e.molecularGroups].sort().join("+"),
    e.treatment,
    e.referenceTreatment,
    arm ? `${norm(e.groupKey)}|${norm(e.exposure)}` : e.exposureGroup ? `${e.exposureGroup}|${e.referenceGroup}` : `${norm(e.exposure)}|${norm(e.reference)}`,
    norm(e.population),
  ].join("§");
}

type Field = { name: string; a: string | null; b: string | null };

/** The printed fields on which two printings of one quantity disagree beyond rounding (readings of damaged print compared). */
export function disagreements(a: CheckRecord, b: CheckRecord): Field[] {
  const out: Field[] = [];
  const num = (name: string, x: string | null, y: string | null) => {
    if (x === null || y === null) return;
    const rx = printedRange(x);
    const ry = printedRange(y);
    if (rx && ry && !overlaps(rx, ry)) out.push({ name, a: x, b: y });
  };
  num("value", a.read.valueText, b.read.valueText);
  num("CI lower bound", a.read.ciLowerText, b.read.ciLowerText);
  num("CI upper bound", a.read.ciUpperText, b.read.ciUpperText);
  num("range lower", a.read.rangeLowerText, b.read.rangeLowerText);
  num("range upper", a.read.rangeUpperText, b.read.rangeUpperText);
  if (a.events !== null && b.events !== null && a.events !== b.events) out.push({ name: "count", a: String(a.events), b: String(b.events) });
  if (a.total !== null && b.total !== null && a.total !== b.total) out.push({ name: "denominator", a: String(a.total), b: String(b.total) });
  if (a.p && b.p) {
    const pa = printedPRange(a.p);
    const pb = printedPRange(b.p);
    if (pa && pb && !overlaps(pa, pb, 1e-12)) out.push({ name: "p", a: a.p, b: b.p });
  }
  const ga = [...a.molecularGroups].sort().join(", ");
  const gb = [...b.molecularGroups].sort().join(", ");
  // Labels can differ only between records linked explicitly (sameAs): key-matched ones share groups.
  if (ga !== gb && linked(a, b)) out.push({ name: "molecular group", a: ga, b: gb });
  return out;
}

/** "0.042" and ".042" are one printing; "<0.001" and "<.01" are not. */
function samePrintedP(a: string, b: string): boolean {
  const ra = printedPRange(a);
  const rb = printedPRange(b);
  return ra !== null && rb !== null && Math.abs(ra.lo - rb.lo) < 1e-12 && Math.abs(ra.hi - rb.hi) < 1e-12;
}

const linked = (a: EffectRecord, b: EffectRecord) => a.sameAs === b.id || b.sameAs === a.id;
const describe = (d: Field[], flip = false) => d.map((f) => `${f.name} ${flip ? f.b : f.a} vs ${flip ? f.a : f.b}`).join("; ");
const isSecondary = (e: EffectRecord) => e.sourceLevel === "secondary";
/** The publication a printing is in: the citing document for a secondary figure, else the study's report. */
const publicationKey = (e: EffectRecord) => (isSecondary(e) ? `doc:${e.document}` : `${e.document}|${e.report ?? "citation"}`);
const updates = (later: CheckRecord, earlier: CheckRecord) =>
  !isSecondary(later) && !isSecondary(earlier) && later.studyId === earlier.studyId && later.updatesChain.includes(earlier.report ?? "citation");

/** "HR 0.92 (0.70–1.20), p 0.52": the printed figure in brief. */
function brief(e: EffectRecord): string {
  if (e.kind === "p-only") return `p ${e.p ?? "not given"}`;
  if (e.kind === "direction") return `direction only (${e.direction ?? "?"})`;
  if (e.measure === "proportion") {
    const count = e.events !== null ? `${e.events}${e.total !== null ? `/${e.total}` : ""}` : null;
    const pct = e.valueText !== null ? `${e.valueText}%` : null;
    return [count, pct && count ? `(${pct})` : pct].filter(Boolean).join(" ") + (e.p ? `, p ${e.p}` : "");
  }
  const v = e.valueText ?? (e.events !== null ? `${e.events}${e.total !== null ? `/${e.total}` : ""}` : "");
  const ci = e.ciLowerText ? ` (${e.ciLowerText}–${e.ciUpperText})` : "";
  const pct = e.measure === "proportion" && e.valueText ? "%" : "";
  return `${e.measure && e.kind === "contrast" ? `${e.measure} ` : ""}${v}${pct}${ci}${e.p ? `, p ${e.p}` : ""}`.trim();
}

/** Pairs of printings of one quantity: by key (same study, endpoint, groups …) and by explicit sameAs links. */
function printingPairs(effects: CheckRecord[]): [CheckRecord, CheckRecord][] {
  const byId = new Map(effects.map((e) => [e.id, e]));
  const groups = new Map<string, CheckRecord[]>();
  for (const e of effects) {
    // A record linked by sameAs is compared with its target only: the link says which figure it reports.
    if (e.computed || e.sameAs) continue;
    const key = quantityKey(e);
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const pairs: [CheckRecord, CheckRecord][] = [];
  // Printings with identical figures cannot disagree: within a key, pair one record of each distinct
  // set of figures with one of every other, then every member with the other sets' representatives.
  // The work grows with the number of distinct printings of a quantity, not with the records (10,000
  // copies of one figure make no pairs).
  for (const list of groups.values()) {
    const bySignature = new Map<string, CheckRecord[]>();
    for (const e of list) {
      const sig = [e.read.valueText, e.read.ciLowerText, e.read.ciUpperText, e.read.rangeLowerText, e.read.rangeUpperText, e.events, e.total, e.p, e.readingReason ? "read" : ""].join("|");
      bySignature.set(sig, [...(bySignature.get(sig) ?? []), e]);
    }
    const sets = [...bySignature.values()].slice(0, 50);
    for (let i = 0; i < sets.length; i++)
      for (let j = i + 1; j < sets.length; j++) {
        for (const a of sets[i]!) pairs.push([a, sets[j]![0]!]);
        for (const b of sets[j]!.slice(1)) pairs.push([sets[i]![0]!, b]);
      }
  }
  for (const e of effects) {
    const other = e.sameAs ? byId.get(e.sameAs) : undefined;
    if (other) pairs.push([other, e]);
  }
  return pairs;
}

export function checkDuplicates(effects: CheckRecord[]): CheckFlag[] {
  const flags: CheckFlag[] = [];
  const seen = new Set<string>();
  const other = (e: CheckRecord) => ({ otherEffectId: e.id, otherLocator: where(e) });
  for (const [a, b] of printingPairs(effects)) {
    const id = [a.id, b.id].sort().join("|");
    if (seen.has(id)) continue;
    seen.add(id);
    const diff = disagreements(a, b);

    if (diff.length === 0) {
      // A damaged printing whose reading agrees with a clean twin: the twin carries only a note.
      const [damaged, clean] = a.readingReason && !b.readingReason ? [a, b] : b.readingReason && !a.readingReason ? [b, a] : [null, null];
      if (damaged && clean)
        flags.push(
          flagFor(clean, "duplicate-mismatch", {
            severity: "note",
            summary: `Also printed in ${placeOf(damaged)} as ${damaged.valueText ?? damaged.ciLowerText}, damaged there (read as ${damaged.read.valueText ?? damaged.read.ciLowerText}); this printing is the clean one.`,
            message: `Same quantity at ${where(damaged)}: printed ${brief(damaged)}, read as this record's figure.`,
            ...other(damaged),
          }),
        );
      // A review's figure linked to a primary figure reported under another endpoint: say what the review left out.
      if (linked(a, b) && a.endpoint !== b.endpoint && isSecondary(a) !== isSecondary(b)) {
        const [sec, prim] = isSecondary(a) ? [a, b] : [b, a];
        // What the review left out: the primary's figure for the endpoint the review names.
        const named = effects.find((o) => o.studyId === prim.studyId && o.endpoint === sec.endpoint && !isSecondary(o) && o.kind === prim.kind && o.groupKey === prim.groupKey && o.report === prim.report);
        flags.push(
          flagFor(sec, "secondary-mismatch", {
            severity: "note",
            summary: `The figure is consistent with the primary report, where it is ${inSentence(prim.endpointLabel)}; ${sec.publication} reports it as ${inSentence(sec.endpointLabel)} without saying so.${sec.p && prim.p && !samePrintedP(sec.p, prim.p) ? ` It prints p ${sec.p} where the primary report prints p ${prim.p}.` : ""}${named ? ` For ${inSentence(named.endpointLabel)} the primary report gives ${brief(named)}.` : ""}`,
            message: `Linked to ${where(prim)} (${brief(prim)}); endpoints differ: ${sec.endpoint} here, ${prim.endpoint} in the primary report.`,
            ...other(prim),
          }),
        );
      }
      continue;
    }

    const figures = `${brief(a)} in ${placeOf(a)} vs ${brief(b)} in ${placeOf(b)}`;
    if (updates(a, b) || updates(b, a)) {
      const [later, earlier] = updates(a, b) ? [a, b] : [b, a];
      const text = {
        severity: "note" as const,
        summary: `${earlier.publication} gave ${brief(earlier)}; the later ${later.publication} gives ${brief(later)} (${subjectOf(a)}): an updated analysis, not an inconsistency.`,
        message: `Updated report: ${describe(diff, updates(a, b))} (earlier vs later).`,
      };
      flags.push(flagFor(earlier, "report-update", { ...text, summary: `Updated in ${later.publication}: ${brief(later)} (was ${brief(earlier)}).`, ...other(later) }));
      flags.push(flagFor(later, "report-update", { ...text, summary: `Updates ${earlier.publication}, which gave ${brief(earlier)}; this later report gives ${brief(later)}.`, ...other(earlier) }));
      continue;
    }
    const explanation = a.explainedDifference ?? b.explainedDifference;
    if (explanation) {
      const text = { severity: "note" as const, summary: `${figures}: the paper explains the difference. ${explanation}`, message: `Explained difference: ${describe(diff)}.` };
      flags.push(flagFor(a, "duplicate-mismatch", { ...text, ...other(b) }), flagFor(b, "duplicate-mismatch", { ...text, message: `Explained difference: ${describe(diff, true)}.`, ...other(a) }));
      continue;
    }
    if (isSecondary(a) !== isSecondary(b)) {
      const [sec, prim] = isSecondary(a) ? [a, b] : [b, a];
      const d = isSecondary(a) ? diff : diff.map((f) => ({ ...f, a: f.b, b: f.a }));
      flags.push(
        flagFor(sec, "secondary-mismatch", {
          severity: "warning",
          summary: d.some((f) => f.name === "molecular group")
            ? `${sec.publication} (citing it as ${sec.citedAs ?? "no reference"}) labels this figure ${d.find((f) => f.name === "molecular group")!.a}; the primary report (${prim.publication}) gives the same figure for ${d.find((f) => f.name === "molecular group")!.b}.`
            : `${sec.publication} (citing it as ${sec.citedAs ?? "no reference"}) gives ${brief(sec)} for ${subjectOf(sec)}; the primary report (${prim.publication}) gives ${brief(prim)}.`,
          message: `Secondary vs primary: ${describe(d)}.`,
          expected: `the primary figure: ${brief(prim)} at ${where(prim)}`,
          ...other(prim),
        }),
        flagFor(prim, "secondary-mismatch", {
          severity: "note",
          summary: `${sec.publication} cites this figure differently, as ${brief(sec)}; this is the primary report.`,
          message: `Secondary vs primary: ${describe(d, true)}.`,
          ...other(sec),
        }),
      );
      continue;
    }
    const [right, wrong] = a.consistentPrinting && !b.consistentPrinting ? [a, b] : b.consistentPrinting && !a.consistentPrinting ? [b, a] : [null, null];
    if (right && wrong) {
      const d = right === a ? diff : diff.map((f) => ({ ...f, a: f.b, b: f.a }));
      flags.push(
        flagFor(wrong, "duplicate-mismatch", {
          severity: "error",
          summary: `${placeOf(wrong)} gives ${brief(wrong)}; ${placeOf(right)} gives ${brief(right)} (${subjectOf(wrong)}). ${right.consistentPrinting} This printing is the wrong one.`,
          message: `Two printings of one quantity in one paper: ${describe(d, true)}.`,
          expected: `${brief(right)} (${where(right)})`,
          ...other(right),
        }),
        flagFor(right, "duplicate-mismatch", {
          severity: "note",
          summary: `Also printed as ${brief(wrong)} in ${placeOf(wrong)}, wrongly: ${right.consistentPrinting}`,
          message: `Two printings of one quantity in one paper: ${describe(d)}; this one is consistent.`,
          ...other(wrong),
        }),
      );
      continue;
    }
    const samePublication = publicationKey(a) === publicationKey(b);
    const text = {
      severity: "warning" as const,
      summary: samePublication
        ? `The paper prints ${subjectOf(a)} twice with different figures: ${figures}. Nothing in the paper settles which is right.`
        : `Two reports of ${subjectOf(a)} differ: ${brief(a)} in ${a.publication} vs ${brief(b)} in ${b.publication}, and neither is known to update the other.`,
      expected: samePublication ? `one of the two printings is wrong; compare ${a.locator} with ${b.locator}` : null,
    };
    flags.push(
      flagFor(a, "duplicate-mismatch", { ...text, message: `Same quantity: ${describe(diff)}.`, ...other(b) }),
      flagFor(b, "duplicate-mismatch", { ...text, message: `Same quantity: ${describe(diff, true)}.`, ...other(a) }),
    );
  }
  return flags;
}
