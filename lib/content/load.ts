// Reads content/ (vocabularies and one YAML file per study), validates it against the schemas and
// the vocabularies, and returns either the whole content set or every error found. An error names
// the file, the record and the field, says what is wrong and what is allowed.
import { readFileSync, readdirSync, existsSync, lstatSync } from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { parseAllDocuments } from "yaml";
import type { z } from "zod";
import {
  designVocabSchema,
  documentVocabSchema,
  endpointVocabSchema,
  factorVocabSchema,
  molecularVocabSchema,
  questionSchema,
  riskOfBiasSchema,
  ROB_DOMAINS,
  sourceLevelVocabSchema,
  studySchema,
  treatmentVocabSchema,
  type QuestionContent,
  type RiskOfBiasContent,
  type StudyContent,
  type Vocab,
} from "./schema";

export type ContentError = { file: string; record: string | null; field: string | null; message: string };

export type ContentSet = {
  vocab: Vocab;
  studies: (StudyContent & { file: string })[];
  /** Summary-of-findings questions (content/questions). */
  questions: QuestionContent[];
  /** Reconciled risk-of-bias assessments (content/risk-of-bias). */
  riskOfBias: RiskOfBiasContent[];
  /** sha256 over every content file, in path order: the dataset version. */
  version: string;
};

export type LoadResult = { ok: true; content: ContentSet } | { ok: false; errors: ContentError[] };

export function formatContentError(e: ContentError): string {
  return [e.file, e.record, e.field].filter(Boolean).join(" › ") + ": " + e.message;
}

const MAX_FILE_BYTES = 5 * 1024 * 1024;
const MAX_DEPTH = 12;
const MAX_ALIASES = 50;
// C0 controls other than tab, LF and CR, and DEL: never part of a figure or a sentence.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function depthOf(v: unknown, depth = 0): number {
  if (depth > MAX_DEPTH || v === null || typeof v !== "object") return depth;
  let max = depth;
  for (const child of Object.values(v as Record<string, unknown>)) max = Math.max(max, depthOf(child, depth + 1));
  return max;
}

/** One content file, read defensively: a plain UTF-8 file holding one YAML document of bounded depth. */
function readYaml(file: string, rel: string, errors: ContentError[]): unknown {
  const fail = (message: string) => {
    errors.push({ file: rel, record: null, field: null, message });
    return undefined;
  };
  const stat = lstatSync(file);
  if (stat.isSymbolicLink()) return fail("is a link: content files must be plain files in the content folder");
  if (stat.isDirectory()) return fail("is a folder where a YAML file belongs");
  if (stat.size > MAX_FILE_BYTES) return fail(`is ${stat.size} bytes; a content file may hold at most ${MAX_FILE_BYTES} bytes`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(file));
  } catch {
    return fail("is not valid UTF-8: save it as UTF-8");
  }
  if (text.trim() === "") return fail("is empty");
  const control = CONTROL.exec(text);
  if (control) {
    const line = text.slice(0, control.index).split("\n").length;
    return fail(`holds a control character (U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}) on line ${line}: remove it`);
  }
  // failsafe: every scalar stays the exact text written, so printed precision survives.
  const docs = parseAllDocuments(text, { schema: "failsafe", uniqueKeys: true, prettyErrors: true });
  if (!Array.isArray(docs)) return fail("is not a YAML document");
  if (docs.length !== 1) return fail(`holds ${docs.length} YAML documents ("---" separators); a content file holds one`);
  const doc = docs[0]!;
  if (doc.errors.length) return fail(`not valid YAML: ${doc.errors[0]!.message.split("\n")[0]}`);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    return fail(`not valid YAML: ${(err as Error).message.split("\n")[0]} (aliases are limited to ${MAX_ALIASES})`);
  }
  if (depthOf(data) > MAX_DEPTH) return fail(`is nested more than ${MAX_DEPTH} levels deep`);
  return data;
}

/** The YAML files of a content folder; anything else there is an error, named, never silently skipped. */
function contentFiles(dir: string, base: string, errors: ContentError[]): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith(".")) continue;
    const rel = path.relative(base, path.join(dir, entry.name));
    if (entry.name.endsWith(".yaml")) out.push(entry.name);
    else if (/\.(yml|json|ya?ml\.txt|YAML|YML)$/.test(entry.name)) errors.push({ file: rel, record: null, field: null, message: "is not read: content files end in .yaml (rename it)" });
    else errors.push({ file: rel, record: null, field: null, message: entry.isDirectory() ? "is a folder inside a content folder: only <id>.yaml files belong here" : "is not a content file: only <id>.yaml files belong here" });
  }
  return out;
}

function zodErrors(rel: string, error: z.ZodError, data: unknown): ContentError[] {
  return error.issues.map((issue) => {
    const p = issue.path.map(String);
    let record: string | null = null;
    let field: string | null = p.join(".") || null;
    if (p[0] === "effects" && p[1] !== undefined) {
      const effects = (data as { effects?: { id?: unknown }[] })?.effects;
      const id = effects?.[Number(p[1])]?.id;
      record = `effects[${p[1]}]${typeof id === "string" ? ` (${id})` : ""}`;
      field = p.slice(2).join(".") || null;
    } else if ((p[0] === "arms" || p[0] === "groupings" || p[0] === "reports") && p[1] !== undefined) {
      record = `${p[0]}[${p[1]}]`;
      field = p.slice(2).join(".") || null;
    }
    let message = issue.message;
    if (issue.code === "invalid_value" && "values" in issue) message = `is not allowed; allowed: ${(issue.values as unknown[]).join(", ")}`;
    if (issue.code === "unrecognized_keys") message = `unknown field(s) ${issue.keys.join(", ")} (see content/README.md for the fields a record may have)`;
    if (issue.code === "invalid_type") message = `expected ${issue.expected}${issue.message.includes("received") ? ", " + issue.message.split(", ").pop() : ""}`;
    return { file: rel, record, field, message };
  });
}

function loadVocab(dir: string, root: string, errors: ContentError[]): Vocab | null {
  const parts = {
    endpoints: ["endpoints.yaml", endpointVocabSchema],
    treatments: ["treatments.yaml", treatmentVocabSchema],
    molecularGroups: ["molecular-groups.yaml", molecularVocabSchema],
    designs: ["designs.yaml", designVocabSchema],
    sourceLevels: ["source-levels.yaml", sourceLevelVocabSchema],
    documents: ["documents.yaml", documentVocabSchema],
    factors: ["factors.yaml", factorVocabSchema],
  } as const;
  const out: Partial<Vocab> = {};
  for (const [key, [name, schema]] of Object.entries(parts)) {
    const file = path.join(dir, name);
    const rel = path.relative(root, file);
    if (!existsSync(file)) {
      errors.push({ file: rel, record: null, field: null, message: "vocabulary file is missing" });
      continue;
    }
    const data = readYaml(file, rel, errors);
    const parsed = (schema as z.ZodType).safeParse(data);
    if (!parsed.success) errors.push(...zodErrors(rel, parsed.error, data));
    else {
      const list = parsed.data as { code: string }[];
      const seen = new Set<string>();
      list.forEach((entry, i) => {
        if (seen.has(entry.code)) errors.push({ file: rel, record: `[${i}]`, field: "code", message: `duplicate code "${entry.code}"` });
        seen.add(entry.code);
      });
      (out as Record<string, unknown>)[key] = parsed.data;
    }
  }
  if (out.molecularGroups) errors.push(...checkHierarchy(out.molecularGroups, "content/vocab/molecular-groups.yaml"));
  if (out.treatments) errors.push(...checkHierarchy(out.treatments.flatMap((t): { code: string; parent: string | null }[] => (t.parents.length ? t.parents.map((p) => ({ code: t.code, parent: p })) : [{ code: t.code, parent: null }])), "content/vocab/treatments.yaml"));
  return Object.keys(out).length === Object.keys(parts).length ? (out as Vocab) : null;
}

/** A vocabulary with parents must be a forest: every parent known, no code its own ancestor. */
export function checkHierarchy(entries: { code: string; parent: string | null }[], rel: string): ContentError[] {
  const errors: ContentError[] = [];
  const parentsOf = new Map<string, string[]>();
  for (const g of entries) parentsOf.set(g.code, [...(parentsOf.get(g.code) ?? []), ...(g.parent ? [g.parent] : [])]);
  for (const g of entries)
    if (g.parent && !parentsOf.has(g.parent)) errors.push({ file: rel, record: g.code, field: "parent", message: `unknown parent "${g.parent}"` });
  // Depth-first search with a visited set: a code met again on its own path closes a cycle.
  const done = new Set<string>();
  const reported = new Set<string>();
  const visit = (code: string, path: string[]) => {
    if (path.includes(code)) {
      const cycle = [...path.slice(path.indexOf(code)), code];
      if (!cycle.some((c) => reported.has(c))) errors.push({ file: rel, record: code, field: "parent", message: `parents form a cycle: ${cycle.join(" → ")}` });
      cycle.forEach((c) => reported.add(c));
      return;
    }
    if (done.has(code)) return;
    for (const p of parentsOf.get(code) ?? []) if (parentsOf.has(p)) visit(p, [...path, code]);
    done.add(code);
  };
  for (const code of parentsOf.keys()) visit(code, []);
  return errors;
}

function allowed(list: string[], max = 40): string {
  return list.length > max ? `${list.slice(0, max).join(", ")}, … (${list.length} in all)` : list.join(", ");
}

/** Cross-checks a parsed study against the vocabularies and itself. */
export function checkReferences(study: StudyContent, rel: string, vocab: Vocab): ContentError[] {
  const errors: ContentError[] = [];
  const endpoints = vocab.endpoints.map((e) => e.code);
  const treatments = vocab.treatments.map((t) => t.code);
  const groups = vocab.molecularGroups.map((g) => g.code);
  const designs = vocab.designs.map((d) => d.code);
  const documents = vocab.documents.map((d) => d.code);
  const err = (record: string | null, field: string, message: string) => errors.push({ file: rel, record, field, message });

  const expectedFile = `${study.id}.yaml`;
  if (path.basename(rel) !== expectedFile) err(null, "id", `"${study.id}" must match the file name (${expectedFile})`);
  if (!designs.includes(study.design)) err(null, "design", `unknown design "${study.design}"; allowed: ${allowed(designs)}`);
  if (!documents.includes(study.document)) err(null, "document", `unknown document "${study.document}"; allowed: ${allowed(documents)}`);
  for (const c of study.codonsTested ?? [])
    if (!groups.includes(c)) err(null, "codonsTested", `unknown molecular group "${c}"; allowed: ${allowed(groups)}`);

  const armIds = new Set<string>();
  study.arms.forEach((arm, i) => {
    const rec = `arms[${i}] (${arm.id})`;
    if (armIds.has(arm.id)) err(rec, "id", `duplicate arm id "${arm.id}"`);
    armIds.add(arm.id);
    if (arm.molecularGroup && !groups.includes(arm.molecularGroup)) err(rec, "molecularGroup", `unknown molecular group "${arm.molecularGroup}"; allowed: ${allowed(groups)}`);
    if (arm.treatment && !treatments.includes(arm.treatment)) err(rec, "treatment", `unknown treatment "${arm.treatment}"; allowed: ${allowed(treatments)}`);
  });
  study.groupings.forEach((g, i) => {
    for (const a of g.arms) if (!armIds.has(a)) err(`groupings[${i}]`, "arms", `unknown arm "${a}"; arms of this study: ${[...armIds].join(", ") || "none"}`);
  });
  const reportIds = new Set(study.reports.map((r) => r.id));
  study.reports.forEach((r, i) => {
    if (r.updates && r.updates !== "citation" && !reportIds.has(r.updates))
      err(`reports[${i}] (${r.id})`, "updates", `unknown report "${r.updates}"; allowed: "citation" (the study's main publication) or ${[...reportIds].join(", ") || "no other report"}`);
    if (r.updates === r.id) err(`reports[${i}] (${r.id})`, "updates", "a report cannot update itself");
  });
  const comparisonCodes = new Set([...groups, ...treatments, ...vocab.factors.map((f) => f.code), ...armIds]);

  const ids = new Set<string>();
  study.effects.forEach((e, i) => {
    const rec = `effects[${i}] (${e.id})`;
    if (ids.has(e.id)) err(rec, "id", `duplicate record id "${e.id}" in this file`);
    ids.add(e.id);
    if (!endpoints.includes(e.endpoint)) err(rec, "endpoint", `unknown endpoint "${e.endpoint}"; allowed: ${allowed(endpoints)}`);
    for (const f of ["treatment", "referenceTreatment"] as const) {
      const t = e[f];
      if (t && !treatments.includes(t)) err(rec, f, `unknown treatment "${t}"; allowed: ${allowed(treatments)}`);
    }
    for (const g of e.molecularGroups) if (!groups.includes(g)) err(rec, "molecularGroups", `unknown molecular group "${g}"; allowed: ${allowed(groups)}`);
    if (e.document && !documents.includes(e.document)) err(rec, "document", `unknown document "${e.document}"; allowed: ${allowed(documents)}`);
    if (e.report && !reportIds.has(e.report)) err(rec, "report", `unknown report "${e.report}"; reports of this study: ${[...reportIds].join(", ") || "none"}`);
    for (const f of ["exposureGroup", "referenceGroup"] as const) {
      const code = e[f];
      if (code && !comparisonCodes.has(code))
        err(rec, f, `unknown group "${code}": a molecular group, a treatment, a factor level (content/vocab/factors.yaml) or an arm id of this study (${[...armIds].join(", ") || "none"})`);
    }
    if (e.exposureGroup && e.exposureGroup === e.referenceGroup) err(rec, "referenceGroup", `is the same as exposureGroup ("${e.exposureGroup}"): a comparison needs two groups`);
    const level = e.sourceLevel ?? study.sourceLevel;
    if (level === "secondary" && !e.citedAs) err(rec, "citedAs", "is required for a secondary record (the reference as the citing document gives it)");
  });
  return errors;
}

/**
 * Links between records (sameAs: "<studyId>/<recordId>" or a record of the same file) must point at
 * a record that exists; a comparison id must be shared by at least two records of its study.
 */
export function checkRecordLinks(studies: (StudyContent & { file: string })[]): ContentError[] {
  const errors: ContentError[] = [];
  const ids = new Set(studies.flatMap((s) => s.effects.map((e) => `${s.id}/${e.id}`)));
  for (const s of studies) {
    const comparisonCount = new Map<string, number>();
    for (const e of s.effects) if (e.comparison) comparisonCount.set(e.comparison, (comparisonCount.get(e.comparison) ?? 0) + 1);
    s.effects.forEach((e, i) => {
      const rec = `effects[${i}] (${e.id})`;
      if (e.sameAs) {
        const target = e.sameAs.includes("/") ? e.sameAs : `${s.id}/${e.sameAs}`;
        if (!ids.has(target)) errors.push({ file: s.file, record: rec, field: "sameAs", message: `points at "${target}", which is no record ("<studyId>/<recordId>", or a record id of this file)` });
        else if (target === `${s.id}/${e.id}`) errors.push({ file: s.file, record: rec, field: "sameAs", message: "a record cannot be the same as itself" });
      }
      if (e.comparison && comparisonCount.get(e.comparison) === 1)
        errors.push({ file: s.file, record: rec, field: "comparison", message: `"${e.comparison}" links no other record of this study: a comparison id joins arm records to the record that compares them` });
    });
  }
  return errors;
}

/** Every YAML file of an optional content folder, parsed with its schema; the file name must be the id. */
function loadFolder<T extends z.ZodType>(root: string, base: string, folder: string, schema: T, hash: ReturnType<typeof createHash>, errors: ContentError[]): { data: z.infer<T>; file: string }[] {
  const dir = path.join(root, folder);
  if (!existsSync(dir)) return [];
  const out: { data: z.infer<T>; file: string }[] = [];
  for (const f of contentFiles(dir, base, errors)) {
    const file = path.join(dir, f);
    const rel = path.relative(base, file);
    const data = readYaml(file, rel, errors);
    if (data !== undefined) hash.update(`${folder}/${f}\0`).update(readFileSync(file)).update("\0");
    if (data === undefined) continue;
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      errors.push(...zodErrors(rel, parsed.error, data));
      continue;
    }
    const id = (parsed.data as { id?: string; study?: string }).id ?? (parsed.data as { study?: string }).study;
    if (id && `${id}.yaml` !== f) errors.push({ file: rel, record: null, field: "id", message: `"${id}" must match the file name` });
    out.push({ data: parsed.data, file: rel });
  }
  return out;
}

function checkQuestions(questions: { data: QuestionContent; file: string }[], studies: (StudyContent & { file: string })[], vocab: Vocab): ContentError[] {
  const errors: ContentError[] = [];
  const endpoints = new Set(vocab.endpoints.map((e) => e.code));
  const groups = new Set(vocab.molecularGroups.map((g) => g.code));
  const treatments = new Set(vocab.treatments.map((t) => t.code));
  const codes = new Set([...groups, ...treatments, ...vocab.factors.map((f) => f.code)]);
  const records = new Set(studies.flatMap((s) => s.effects.map((e) => `${s.id}/${e.id}`)));
  const studyIds = new Set(studies.map((s) => s.id));
  for (const { data: q, file } of questions) {
    const err = (record: string | null, field: string, message: string) => errors.push({ file, record, field, message });
    for (const f of ["exposure", "reference"] as const) if (!codes.has(q[f])) err(null, f, `unknown group "${q[f]}": a molecular group, a treatment or a factor level`);
    for (const g of q.filters.group) if (!groups.has(g)) err(null, "filters.group", `unknown molecular group "${g}"`);
    if (q.populationGroup && !groups.has(q.populationGroup)) err(null, "populationGroup", `unknown molecular group "${q.populationGroup}"`);
    for (const t of q.filters.treatment) if (!treatments.has(t)) err(null, "filters.treatment", `unknown treatment "${t}"`);
    for (const s of q.filters.study) if (!studyIds.has(s)) err(null, "filters.study", `unknown study "${s}"`);
    q.outcomes.forEach((o, i) => {
      const rec = `outcomes[${i}] (${o.endpoint})`;
      if (!endpoints.has(o.endpoint)) err(rec, "endpoint", `unknown endpoint "${o.endpoint}"`);
      if (o.thresholds.lower >= 1 || o.thresholds.upper <= 1) err(rec, "thresholds", "lower must be below 1 and upper above 1 (ratio scale)");
      if (o.baseline && !records.has(o.baseline.record)) err(rec, "baseline.record", `points at "${o.baseline.record}", which is no record ("<studyId>/<recordId>")`);
    });
  }
  return errors;
}

function checkRiskOfBias(assessments: { data: RiskOfBiasContent; file: string }[], studies: (StudyContent & { file: string })[], vocab: Vocab): ContentError[] {
  const errors: ContentError[] = [];
  const studyIds = new Set(studies.map((s) => s.id));
  const endpoints = new Set(vocab.endpoints.map((e) => e.code));
  for (const { data: r, file } of assessments) {
    const err = (field: string, message: string) => errors.push({ file, record: null, field, message });
    if (!studyIds.has(r.study)) err("study", `unknown study "${r.study}"`);
    for (const o of r.outcomes) if (o !== "all" && !endpoints.has(o)) err("outcomes", `unknown endpoint "${o}"`);
    const expected = ROB_DOMAINS[r.tool];
    const given = Object.keys(r.domains);
    for (const d of expected) if (!given.includes(d)) err(`domains.${d}`, `is required for ${r.tool} (domains: ${expected.join(", ")})`);
    for (const d of given) if (!expected.includes(d)) err(`domains.${d}`, `is not a ${r.tool} domain (domains: ${expected.join(", ") || "none"})`);
  }
  return errors;
}

export function loadContent(root = path.resolve(process.cwd(), "content")): LoadResult {
  const errors: ContentError[] = [];
  const base = path.dirname(root);
  const vocab = loadVocab(path.join(root, "vocab"), base, errors);
  const hash = createHash("sha256");
  const studyDir = path.join(root, "studies");
  const files = existsSync(studyDir) ? contentFiles(studyDir, base, errors) : [];
  const vocabFiles = existsSync(path.join(root, "vocab")) ? readdirSync(path.join(root, "vocab")).filter((f) => f.endsWith(".yaml")).sort() : [];
  for (const f of vocabFiles) if (lstatSync(path.join(root, "vocab", f)).isFile()) hash.update(`vocab/${f}\0`).update(readFileSync(path.join(root, "vocab", f))).update("\0");

  const studies: ContentSet["studies"] = [];
  const studyIds = new Set<string>();
  for (const f of files) {
    const file = path.join(studyDir, f);
    const rel = path.relative(base, file);
    const data = readYaml(file, rel, errors);
    if (data !== undefined) hash.update(`studies/${f}\0`).update(readFileSync(file)).update("\0");
    if (data === undefined) continue;
    const parsed = studySchema.safeParse(data);
    if (!parsed.success) {
      errors.push(...zodErrors(rel, parsed.error, data));
      continue;
    }
    if (studyIds.has(parsed.data.id)) errors.push({ file: rel, record: null, field: "id", message: `duplicate study id "${parsed.data.id}"` });
    studyIds.add(parsed.data.id);
    if (vocab) errors.push(...checkReferences(parsed.data, rel, vocab));
    studies.push({ ...parsed.data, file: rel });
  }
  errors.push(...checkRecordLinks(studies));
  const questions = loadFolder(root, base, "questions", questionSchema, hash, errors);
  const riskOfBias = loadFolder(root, base, "risk-of-bias", riskOfBiasSchema, hash, errors);
  if (vocab) errors.push(...checkQuestions(questions, studies, vocab), ...checkRiskOfBias(riskOfBias, studies, vocab));
  if (files.length === 0) errors.push({ file: path.relative(base, studyDir), record: null, field: null, message: "no study files found" });
  if (errors.length > 0 || !vocab) return { ok: false, errors };
  return { ok: true, content: { vocab, studies, questions: questions.map((q) => q.data), riskOfBias: riskOfBias.map((r) => r.data), version: hash.digest("hex").slice(0, 16) } };
}
