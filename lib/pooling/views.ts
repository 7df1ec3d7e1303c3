// The project's own pooled views: the starting questions a guideline panel asks, as record filters
// and pooling options. Their inputs are checked against R metafor (lib/pooling/views.test.ts,
// scripts/metafor/pool-views.R) and their answers are quoted in the notes.
import type { EffectRecord } from "../domain/records";
import type { PoolOptions } from "./pool";

export type PooledView = { name: string; question: string; select: (e: EffectRecord) => boolean; options: Partial<PoolOptions> };

const mutantGroup = (e: EffectRecord) => e.molecularGroups.some((g) => /^(RAS|KRAS|NRAS)(-|$)/.test(g) && !g.endsWith("-wt"));
const involves = (e: EffectRecord, pattern: RegExp) => [e.treatment, e.referenceTreatment].some((t) => t !== null && pattern.test(t));

export const PROJECT_VIEWS: PooledView[] = [
  { name: "ras-os-hepatectomy", question: "RAS mutation and overall survival after hepatectomy", select: (e) => e.endpoint === "OS" && mutantGroup(e), options: { comparison: { exposure: "RAS", reference: "RAS-wt" } } },
  { name: "ras-rfs-hepatectomy", question: "RAS mutation and recurrence-free survival after hepatectomy", select: (e) => e.endpoint === "RFS" && mutantGroup(e), options: { comparison: { exposure: "RAS", reference: "RAS-wt" } } },
  { name: "ras-early-progression", question: "RAS mutation and early progression in initially unresectable disease", select: (e) => e.endpoint === "early-progression" && mutantGroup(e), options: { comparison: { exposure: "RAS", reference: "RAS-wt" } } },
  { name: "ras-positive-margin", question: "RAS mutation and a positive resection margin", select: (e) => e.endpoint === "positive-margin", options: { comparison: { exposure: "RAS", reference: "RAS-wt" } } },
  { name: "kras-orr", question: "KRAS mutation and objective response (any setting, subgroups by setting)", select: (e) => e.endpoint === "ORR" && mutantGroup(e), options: { comparison: { exposure: "KRAS", reference: "KRAS-wt" }, by: "setting" } },
  { name: "psh-liver-only-recurrence", question: "Parenchymal-sparing vs anatomical hepatectomy and liver-only recurrence", select: (e) => e.endpoint === "recurrence-liver-only", options: { comparison: { exposure: "parenchymal-sparing-hepatectomy", reference: "anatomical-hepatectomy" } } },
  { name: "triplet-doublet-resection", question: "Triplet vs doublet (+ bevacizumab) and resection", select: (e) => ["resection", "r0-resection", "r0-r1-resection"].includes(e.endpoint) && involves(e, /FOLFOXIRI/), options: {} },
  { name: "triplet-doublet-os", question: "Triplet vs doublet (+ bevacizumab) and overall survival", select: (e) => e.endpoint === "OS" && involves(e, /FOLFOXIRI/), options: {} },
];
