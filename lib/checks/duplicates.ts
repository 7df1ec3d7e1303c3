// The same quantity printed twice with different values: within one document (abstract vs table),
// and between a secondary report and the primary source of the same study.
import type { EffectRecord } from "../domain/records";
import { overlaps, printedRange } from "./rounding";
import { printedPRange } from "./p-value";
import { pairFlags, type CheckFlag } from "./types";

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
    arm ? `${norm(e.groupKey)}|${norm(e.exposure)}` : `${norm(e.exposure)}|${norm(e.reference)}`,
    norm(e.population),
  ].join("§");
}

type Field = { name: string; a: string | null; b: string | null };

/** The printed fields on which two printings of one quantity disagree beyond rounding. */
export function disagreements(a: EffectRecord, b: EffectRecord): Field[] {
  const out: Field[] = [];
  const num = (name: string, x: string | null, y: string | null) => {
    if (x === null || y === null) return;
    const rx = printedRange(x);
    const ry = printedRange(y);
    if (rx && ry && !overlaps(rx, ry)) out.push({ name, a: x, b: y });
  };
  num("value", a.valueText, b.valueText);
  num("CI lower bound", a.ciLowerText, b.ciLowerText);
  num("CI upper bound", a.ciUpperText, b.ciUpperText);
  num("range lower", a.rangeLowerText, b.rangeLowerText);
  num("range upper", a.rangeUpperText, b.rangeUpperText);
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
  if (ga !== gb && (a.sameAs === b.id || b.sameAs === a.id)) out.push({ name: "molecular group", a: ga, b: gb });
  return out;
}

function describe(d: Field[]): string {
  return d.map((f) => `${f.name} ${f.a} vs ${f.b}`).join("; ");
}

const isSecondary = (e: EffectRecord) => e.sourceLevel === "secondary";

export function checkDuplicates(effects: EffectRecord[]): CheckFlag[] {
  const flags: CheckFlag[] = [];
  const seen = new Set<string>();
  const byId = new Map(effects.map((e) => [e.id, e]));
  const pairs: [EffectRecord, EffectRecord][] = [];

  const groups = new Map<string, EffectRecord[]>();
  for (const e of effects) {
    if (e.computed) continue;
    const key = quantityKey(e);
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  for (const list of groups.values())
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) pairs.push([list[i]!, list[j]!]);
  // Explicit links: a record that says it reports the same quantity as another.
  for (const e of effects) {
    const other = e.sameAs ? byId.get(e.sameAs) : undefined;
    if (other) pairs.push([other, e]);
  }

  for (const [a, b] of pairs) {
    const id = [a.id, b.id].sort().join("|");
    if (seen.has(id)) continue;
    seen.add(id);
    const diff = disagreements(a, b);
    if (diff.length === 0) continue;
    if (a.document === b.document && isSecondary(a) === isSecondary(b)) {
      flags.push(
        ...pairFlags(a, b, "duplicate-mismatch", `The same quantity is printed twice in ${a.document} with different figures: ${describe(diff)}.`, `one of the two printings is wrong; compare ${a.locator} with ${b.locator}`),
      );
    } else if (isSecondary(a) !== isSecondary(b)) {
      const [sec, prim] = isSecondary(a) ? [a, b] : [b, a];
      flags.push(
        ...pairFlags(
          sec,
          prim,
          "secondary-mismatch",
          `The secondary report (${sec.document}, cited as ${sec.citedAs ?? "?"}) differs from the primary source (${prim.document}, ${prim.sourceLevel}): ${describe(isSecondary(a) ? diff : diff.map((f) => ({ ...f, a: f.b, b: f.a })))}.`,
          `the primary figure: ${prim.valueText ?? prim.p ?? ""}${prim.ciLowerText ? ` (${prim.ciLowerText}-${prim.ciUpperText})` : ""} at ${prim.locator}`,
        ),
      );
    } else {
      flags.push(
        ...pairFlags(a, b, "duplicate-mismatch", `Two reports of the same quantity differ (${a.document} vs ${b.document}): ${describe(diff)}.`, `compare ${a.locator} with ${b.locator}`),
      );
    }
  }
  return flags;
}
