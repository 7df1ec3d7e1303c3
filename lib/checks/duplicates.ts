// The same quantity printed twice with different values: within one document (abstract vs table),
// and between a secondary report and the primary source of the same study.
// A difference the paper explains, a later report updating an earlier one, or a damaged printing
// whose reading agrees with its twin is a note; a printing the paper itself shows to be wrong is an
// error and its consistent twin a note; a disagreement nothing settles is a warning on both sides.
import type { EffectRecord } from "../domain/records";
import { overlaps, printedRange } from "./rounding";
import { printedPRange } from "./p-value";
import { DIRECTION_ZH } from "../domain/sentence";
import { joined, phrase, type FlagArg } from "./flag-text";
import { endpointOf, flagFor, placeOf, subjectOf, where, type CheckFlag, type CheckRecord } from "./types";

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

/** A printed field by its name in messages' flags.text.field. */
type Field = { name: "value" | "ciLower" | "ciUpper" | "rangeLower" | "rangeUpper" | "count" | "denominator" | "p" | "molecularGroup"; a: string | null; b: string | null };

/** The printed fields on which two printings of one quantity disagree beyond rounding (readings of damaged print compared). */
export function disagreements(a: CheckRecord, b: CheckRecord): Field[] {
  const out: Field[] = [];
  const num = (name: Field["name"], x: string | null, y: string | null) => {
    if (x === null || y === null) return;
    const rx = printedRange(x);
    const ry = printedRange(y);
    if (rx && ry && !overlaps(rx, ry)) out.push({ name, a: x, b: y });
  };
  num("value", a.read.valueText, b.read.valueText);
  num("ciLower", a.read.ciLowerText, b.read.ciLowerText);
  num("ciUpper", a.read.ciUpperText, b.read.ciUpperText);
  num("rangeLower", a.read.rangeLowerText, b.read.rangeLowerText);
  num("rangeUpper", a.read.rangeUpperText, b.read.rangeUpperText);
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
  if (ga !== gb && linked(a, b)) out.push({ name: "molecularGroup", a: ga, b: gb });
  return out;
}

/** "0.042" and ".042" are one printing; "<0.001" and "<.01" are not. */
function samePrintedP(a: string, b: string): boolean {
  const ra = printedPRange(a);
  const rb = printedPRange(b);
  return ra !== null && rb !== null && Math.abs(ra.lo - rb.lo) < 1e-12 && Math.abs(ra.hi - rb.hi) < 1e-12;
}

const linked = (a: EffectRecord, b: EffectRecord) => a.sameAs === b.id || b.sameAs === a.id;
/** "value 0.92 vs 0.90; CI upper bound 1.20 vs 1.17". */
const describe = (d: Field[], flip = false): FlagArg => joined("list.semicolon", d.map((f) => phrase("duplicates.field", { field: phrase(`field.${f.name}`), a: `${flip ? f.b : f.a}`, b: `${flip ? f.a : f.b}` })));
const isSecondary = (e: EffectRecord) => e.sourceLevel === "secondary";
/** The publication a printing is in: the citing document for a secondary figure, else the study's report. */
const publicationKey = (e: EffectRecord) => (isSecondary(e) ? `doc:${e.document}` : `${e.document}|${e.report ?? "citation"}`);
const updates = (later: CheckRecord, earlier: CheckRecord) =>
  !isSecondary(later) && !isSecondary(earlier) && later.studyId === earlier.studyId && later.updatesChain.includes(earlier.report ?? "citation");

/** "HR 0.92 (0.70–1.20), p 0.52": the printed figure in brief. */
function brief(e: EffectRecord): FlagArg {
  if (e.kind === "p-only") return e.p !== null ? `p ${e.p}` : phrase("duplicates.pNotGiven");
  if (e.kind === "direction") return phrase("duplicates.directionOnly", { direction: { en: e.direction ?? "?", zh: DIRECTION_ZH[e.direction ?? ""] ?? e.direction ?? "?" } });
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
            summary: phrase("duplicates.cleanTwin", { place: placeOf(damaged), printed: `${damaged.valueText ?? damaged.ciLowerText}`, read: `${damaged.read.valueText ?? damaged.read.ciLowerText}` }),
            message: phrase("duplicates.cleanTwinDetail", { where: where(damaged), printed: brief(damaged) }),
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
            summary: phrase("duplicates.otherEndpoint", {
              primaryEndpoint: endpointOf(prim),
              publication: sec.publication,
              endpoint: endpointOf(sec),
              p: sec.p && prim.p && !samePrintedP(sec.p, prim.p) ? phrase("duplicates.otherP", { p: sec.p, primaryP: prim.p }) : "",
              named: named ? phrase("duplicates.named", { endpoint: endpointOf(named), figure: brief(named) }) : "",
            }),
            message: phrase("duplicates.otherEndpointDetail", { where: where(prim), figure: brief(prim), code: sec.endpoint, primaryCode: prim.endpoint }),
            ...other(prim),
          }),
        );
      }
      continue;
    }

    const figures = phrase("duplicates.figures", { a: brief(a), placeA: placeOf(a), b: brief(b), placeB: placeOf(b) });
    if (updates(a, b) || updates(b, a)) {
      const [later, earlier] = updates(a, b) ? [a, b] : [b, a];
      const reports = { earlier: earlier.publication, earlierFigure: brief(earlier), later: later.publication, laterFigure: brief(later) };
      const message = phrase("duplicates.updatedDetail", { differences: describe(diff, updates(a, b)) });
      flags.push(flagFor(earlier, "report-update", { severity: "note", summary: phrase("duplicates.updatedIn", reports), message, ...other(later) }));
      flags.push(flagFor(later, "report-update", { severity: "note", summary: phrase("duplicates.updates", reports), message, ...other(earlier) }));
      continue;
    }
    const explanation = a.explainedDifference ?? b.explainedDifference;
    if (explanation) {
      const summary = phrase("duplicates.explained", { figures, explanation });
      const message = (flip: boolean) => phrase("duplicates.explainedDetail", { differences: describe(diff, flip) });
      flags.push(flagFor(a, "duplicate-mismatch", { severity: "note", summary, message: message(false), ...other(b) }), flagFor(b, "duplicate-mismatch", { severity: "note", summary, message: message(true), ...other(a) }));
      continue;
    }
    if (isSecondary(a) !== isSecondary(b)) {
      const [sec, prim] = isSecondary(a) ? [a, b] : [b, a];
      const d = isSecondary(a) ? diff : diff.map((f) => ({ ...f, a: f.b, b: f.a }));
      const groups = d.find((f) => f.name === "molecularGroup");
      const sources = { publication: sec.publication, citedAs: sec.citedAs ?? phrase("duplicates.noReference"), primary: prim.publication };
      flags.push(
        flagFor(sec, "secondary-mismatch", {
          severity: "warning",
          summary: groups
            ? phrase("duplicates.secondaryGroup", { ...sources, group: `${groups.a}`, primaryGroup: `${groups.b}` })
            : phrase("duplicates.secondary", { ...sources, figure: brief(sec), subject: subjectOf(sec), primaryFigure: brief(prim) }),
          message: phrase("duplicates.secondaryDetail", { differences: describe(d) }),
          expected: phrase("duplicates.primaryFigure", { figure: brief(prim), where: where(prim) }),
          ...other(prim),
        }),
        flagFor(prim, "secondary-mismatch", {
          severity: "note",
          summary: phrase("duplicates.citedDifferently", { publication: sec.publication, figure: brief(sec) }),
          message: phrase("duplicates.secondaryDetail", { differences: describe(d, true) }),
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
          summary: phrase("duplicates.wrongPrinting", { place: placeOf(wrong), figure: brief(wrong), rightPlace: placeOf(right), rightFigure: brief(right), subject: subjectOf(wrong), explanation: `${right.consistentPrinting}` }),
          message: phrase("duplicates.twoPrintings", { differences: describe(d, true) }),
          expected: phrase("duplicates.figureAt", { figure: brief(right), where: where(right) }),
          ...other(right),
        }),
        flagFor(right, "duplicate-mismatch", {
          severity: "note",
          summary: phrase("duplicates.rightPrinting", { figure: brief(wrong), place: placeOf(wrong), explanation: `${right.consistentPrinting}` }),
          message: phrase("duplicates.twoPrintingsConsistent", { differences: describe(d) }),
          ...other(wrong),
        }),
      );
      continue;
    }
    const samePublication = publicationKey(a) === publicationKey(b);
    const text = {
      severity: "warning" as const,
      summary: samePublication
        ? phrase("duplicates.unsettled", { subject: subjectOf(a), figures })
        : phrase("duplicates.twoReports", { subject: subjectOf(a), a: brief(a), publicationA: a.publication, b: brief(b), publicationB: b.publication }),
      expected: samePublication ? phrase("duplicates.compare", { a: a.locator, b: b.locator }) : null,
    };
    flags.push(
      flagFor(a, "duplicate-mismatch", { ...text, message: phrase("duplicates.sameQuantity", { differences: describe(diff) }), ...other(b) }),
      flagFor(b, "duplicate-mismatch", { ...text, message: phrase("duplicates.sameQuantity", { differences: describe(diff, true) }), ...other(a) }),
    );
  }
  return flags;
}
