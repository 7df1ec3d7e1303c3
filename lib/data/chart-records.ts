// The records a view charts, one per estimate: the printings of one figure (text and table, abstract
// and results, a review's copy of a study's figure: records linked by sameAs or a report update) fold
// into one chart row led by the best source (lib/data/compare.ts foldPrintings, as the compare page
// folds them), which says where else the figure is printed (alsoPrintedIn) and where a printing gives
// another figure (disagreements). Each row
// carries its study's facts (N, year, design, arms) for the label columns and the sorts.
import type { EffectRecord, StudyRecord } from "../domain/records";
import { figureText } from "../domain/sentence";
import { notDrawable, type ChartedEffect } from "../charts/series";
import { foldPrintings, samePrinting } from "./compare";

type Listed = EffectRecord & { comparator?: boolean };

/** Where a copy is printed, as a reader would look it up: its locator, with the publication where it is another one. */
export function printedWhere(copy: EffectRecord, lead: EffectRecord): string {
  // A review's locator names the review and the passage ("SYSU preprint, Discussion, paragraph 4 ('A
  // phase II …')"): the quotation is left to the record.
  if (copy.sourceLevel === "secondary") return `${copy.locator.replace(/\s*\((?:'|‘|").*$/, "")}${copy.citedAs ? `, citing ref ${copy.citedAs.replace(/^ref\.?\s*/i, "")}` : ""}`;
  return copy.publication !== lead.publication ? `${copy.publication}, ${copy.locator}` : copy.locator;
}

/** The record with its numbers as read where the print is damaged (the texts a comparison of printings reads). */
function asRead(e: EffectRecord): EffectRecord {
  if (!e.readingReason) return e;
  const text = (n: number | null, printed: string | null) => (n === null ? printed : String(n));
  return { ...e, valueText: text(e.value, e.valueText), ciLowerText: text(e.ciLower, e.ciLowerText), ciUpperText: text(e.ciUpper, e.ciUpperText) };
}

/** One estimate: the lead printing (the best drawable source), its other printings, and what a reader is told about them. */
export type FoldedEstimate<T extends EffectRecord = Listed> = {
  lead: T;
  /** The other printings, each with whether it prints another figure for the same quantity. */
  copies: { effect: T; differs: boolean }[];
  alsoPrintedIn: string[];
  disagreements: string[];
  study: StudyRecord | undefined;
};

/** The records folded into estimates (sameAs and report-update links, within each study), in the order of each fold's first member. */
export function foldEstimates<T extends Listed>(effects: readonly T[], studies: readonly StudyRecord[], rank: (level: string) => number): FoldedEstimate<T>[] {
  const byStudy = new Map<string, T[]>();
  for (const e of effects) byStudy.set(e.studyId, [...(byStudy.get(e.studyId) ?? []), e]);
  const studyOf = new Map(studies.map((s) => [s.id, s]));
  // Each fold's lead takes the place of the fold's first member in the view's order.
  const place = new Map(effects.map((e, i) => [e.id, i]));
  const rows: { at: number; row: FoldedEstimate<T> }[] = [];
  for (const [studyId, members] of byStudy) {
    const study = studyOf.get(studyId);
    // The lead must not depend on where a view's printings were read (which page, which export batch):
    // between printings the rules rank alike, an intact print before a damaged one, then by id.
    const canonical = [...members].sort((a, b) => Number(Boolean(a.readingReason)) - Number(Boolean(b.readingReason)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const entries = study ? foldPrintings(canonical, study, rank) : canonical.map((lead) => ({ lead, copies: [] }));
    for (const entry of entries) {
      // A chart draws the best printing it can: a damaged one (not drawn) leads only where no other can.
      const printings = [entry.lead, ...entry.copies.map((c) => c.effect)] as T[];
      const lead = printings.find((e) => !notDrawable(e)) ?? printings[0]!;
      const all = [lead, ...printings.filter((e) => e !== lead)];
      // A disagreement is another figure for the same quantity; a copy that prints less (a p alone, a
      // direction) is another printing, not a disagreement.
      // A damaged printing is compared as read (Table 2's "248" is NCCH's HR 2.48): it is named as a
      // damaged printing of the same figure, not as another figure.
      const copies = all.slice(1).map((effect) => ({ effect, differs: effect.kind === lead.kind && !samePrinting(asRead(lead), asRead(effect)) }));
      // A later report updating an earlier one (CAIRO5's final analysis and its ESMO abstract) says so.
      const earlier = new Set(lead === entry.lead ? entry.copies.filter((c) => c.relation === "earlier report").map((c) => c.effect.id) : []);
      rows.push({
        at: Math.min(...all.map((e) => place.get(e.id)!)),
        row: {
          lead,
          copies,
          alsoPrintedIn: copies.filter((c) => !c.differs).map((c) => `${printedWhere(c.effect, lead)}${c.effect.readingReason ? " (damaged print, read as the same figure)" : ""}`),
          disagreements: copies
            .filter((c) => c.differs)
            .map((c) => (earlier.has(c.effect.id) ? `earlier report, ${printedWhere(c.effect, lead)}: ${figureText(c.effect)}` : `${printedWhere(c.effect, lead)} prints ${figureText(c.effect)}`)),
          study,
        },
      });
    }
  }
  return rows.sort((a, b) => a.at - b.at).map((r) => r.row);
}

export function chartRecords(effects: readonly Listed[], studies: readonly StudyRecord[], rank: (level: string) => number): ChartedEffect[] {
  return foldEstimates(effects, studies, rank).map(({ lead, copies, alsoPrintedIn, disagreements, study }) => ({
    ...lead,
    comparator: [lead, ...copies.map((c) => c.effect)].every((e) => e.comparator === true),
    alsoPrintedIn,
    disagreements,
    study: study ? { n: study.n, year: study.year, designLabel: study.designLabel, arms: study.arms } : null,
  }));
}
