// Summary of Findings as JSON (the API's shape) and CSV (one row per outcome). DOCX: ./docx.ts.
import Papa from "papaparse";
import { neutraliseFormula } from "../data/export-dataset";
import type { SummaryOfFindings } from "./summary";

export function sofToJson(s: SummaryOfFindings) {
  return {
    question: { id: s.question.id, title: s.question.title, kind: s.question.kind, population: s.question.population, setting: s.question.setting, exposure: s.question.exposure, reference: s.question.reference, exposureLabel: s.exposureLabel, referenceLabel: s.referenceLabel },
    rows: s.rows.map((r) => ({
      outcome: r.outcome,
      outcomeLabel: r.outcomeLabel,
      importance: r.importance,
      studies: r.studies,
      participants: r.participants,
      effect: r.effect,
      absolute: r.absolute,
      certainty: r.certainty,
      startingLevel: r.startingLevel,
      certaintyArithmetic: r.certaintyArithmetic,
      domains: r.domains,
      statement: r.statement,
      recordIds: r.recordIds,
      includedIds: r.includedIds,
    })),
  };
}

/** A cell a spreadsheet will not run (the export's one rule: lib/data/export-dataset.ts). */
export function safeCell(v: string | number | null): string | number {
  if (v === null) return "";
  return typeof v === "number" ? v : (neutraliseFormula(v) as string);
}

export function sofToCsv(s: SummaryOfFindings): string {
  const domains = ["riskOfBias", "inconsistency", "indirectness", "imprecision", "publicationBias"] as const;
  const fields = ["question", "outcome", "importance", "studies", "participants", "relativeEffect", "absoluteEffect", "certainty", "startingLevel", "certaintyArithmetic", ...domains.flatMap((d) => [`${d}`, `${d}Reason`]), "upgrades", "statement", "recordIds"];
  const data = s.rows.map((r) => [
    s.question.title,
    r.outcomeLabel,
    r.importance,
    r.studies,
    r.participants,
    r.effect.text,
    r.absolute?.text ?? "",
    r.certainty,
    r.startingLevel,
    r.certaintyArithmetic,
    ...domains.flatMap((d) => [`${r.domains[d].rating}${r.domains[d].override ? " (override)" : ""} (−${r.domains[d].levels})`, r.domains[d].reason]),
    r.domains.upgrades.map((u) => `+${u.levels}: ${u.reason}`).join("; "),
    r.statement,
    r.recordIds.join(" "),
  ].map(safeCell));
  return Papa.unparse({ fields, data });
}
