// A synthetic content set at any size, for measuring the pipeline and the app at scale (issue 10).
// Deterministic: the same options give the same files, byte for byte.
//
// Every synthetic study is shaped like one of the curated studies (its template): the same design,
// arms, groupings, reports, notes and records, so that endpoints, molecular groups, treatments,
// measures, kinds, analyses, text lengths and the printed inconsistencies the integrity checks flag
// keep the curated distributions. What varies:
// - the number of records per study (log-normal around the template's size, scaled so that the
//   set holds exactly `effects` records): a study larger than its template repeats the template's
//   comparisons for further cohorts ("cohort 2" in the population, "-c2" on the ids), a smaller one
//   keeps a seeded choice of whole comparisons (a comparison's arm records and the record that
//   compares them stay together);
// - names, authors, years, identifiers;
// - durations (medians, means and differences in months …): scaled by one factor per study, so every
//   comparison keeps its direction and each record stays consistent with its own CI.
// Ratios, proportions and counts stay as printed: their internal consistency is what the checks test.
// The first synthetic copy of each template keeps every record under the template's ids mapped to
// its own, so that questions and risk-of-bias assessments (which name studies and records) can be
// carried over to it.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";

type Raw = Record<string, unknown>;
type RawEffect = Raw & { id: string; comparison?: unknown; sameAs?: unknown; population?: unknown };
type RawStudy = Raw & { id: string; effects: RawEffect[] };

export type SynthOptions = { studies: number; effects: number; seed?: number };
export type SynthFile = { path: string; text: string };

/** mulberry32: small, fast, and the same sequence on every platform. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

// Surnames from the literature's author lists and common ones elsewhere, for names a reader types.
const SURNAMES = [
  "Adam", "Ahmed", "Andersen", "Aoki", "Bachet", "Benson", "Berger", "Brudvik", "Cai", "Chen", "Cohen", "Costa", "Cremolini",
  "Dijkstra", "Dupont", "Evans", "Fischer", "Fong", "Garcia", "Gholami", "Goere", "Hansen", "Hayashi", "Huang", "Ito", "Jansen",
  "Kawaguchi", "Kemeny", "Kim", "Kopetz", "Lee", "Li", "Liu", "Loupakis", "Margonis", "Martin", "Meyer", "Mise", "Moretto",
  "Nakamura", "Nguyen", "Nordlinger", "Okuno", "Olsen", "Park", "Passot", "Pawlik", "Petrelli", "Rossi", "Sadot", "Sasaki",
  "Schmidt", "Silva", "Smith", "Sorbye", "Suzuki", "Tanaka", "Tsilimigras", "Vauthey", "Vera", "Wang", "Weiss", "Wu", "Xu",
  "Yamada", "Yang", "Zhang", "Zhao", "Zimmitti",
];
const INITIALS = "ABCDEFGHJKLMNPRSTWY";
const JOURNALS = ["Ann Surg", "Ann Surg Oncol", "Br J Surg", "J Clin Oncol", "Eur J Cancer", "HPB (Oxford)", "JAMA Surg", "Surgery", "Clin Colorectal Cancer", "Cancers (Basel)", "World J Surg Oncol", "Oncologist"];
const TIME_UNIT = /^(month|year|week|day)/i;
const TIME_MEASURES = new Set(["median", "mean", "MD"]);

/** Reads the curated content: vocabularies, studies, questions and risk-of-bias files, as printed text (failsafe). */
export function readTemplates(contentDir: string) {
  const read = (file: string) => parse(readFileSync(file, "utf8"), { schema: "failsafe" }) as unknown;
  const yamlFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort();
  const studies = yamlFiles(path.join(contentDir, "studies")).map((f) => read(path.join(contentDir, "studies", f)) as RawStudy);
  const folder = (name: string) => {
    const dir = path.join(contentDir, name);
    try {
      return yamlFiles(dir).map((f) => ({ name: f, data: read(path.join(dir, f)) as Raw }));
    } catch {
      return [];
    }
  };
  const vocab = yamlFiles(path.join(contentDir, "vocab")).map((f) => ({ name: f, text: readFileSync(path.join(contentDir, "vocab", f), "utf8") }));
  return { studies, questions: folder("questions"), riskOfBias: folder("risk-of-bias"), vocab };
}

// ----------------------------------------------------------------------------------------------
// YAML out: block style, scalars plain where YAML would read them back as the same text, else
// double-quoted (JSON string syntax is valid YAML). Read back with the failsafe schema, every scalar
// is the exact text written, as in the curated files.
const PLAIN = /^[A-Za-z0-9(][A-Za-z0-9 .,()/%+<>=≤≥–−'-]*$/;
const RESERVED = /^(true|false|yes|no|on|off|y|n|null|~)$/i;

function scalar(v: unknown): string {
  if (v === null || v === undefined) return "null";
  const s = String(v);
  if (s === "") return '""';
  if (PLAIN.test(s) && !RESERVED.test(s) && !s.endsWith(" ") && !s.includes(": ") && !s.includes(" #")) return s;
  return JSON.stringify(s);
}

function emit(value: unknown, indent: string, out: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (item !== null && typeof item === "object" && !Array.isArray(item)) {
        const lines: string[] = [];
        emitMap(item as Raw, `${indent}  `, lines);
        out.push(`${indent}- ${lines[0]!.trimStart()}`, ...lines.slice(1));
      } else out.push(`${indent}- ${scalar(item)}`);
    }
  } else emitMap(value as Raw, indent, out);
}

function emitMap(map: Raw, indent: string, out: string[]): void {
  for (const [k, v] of Object.entries(map)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) {
      if (v.length === 0) out.push(`${indent}${k}: []`);
      else if (v.every((x) => x === null || typeof x !== "object")) out.push(`${indent}${k}: [${v.map(scalar).join(", ")}]`);
      else {
        out.push(`${indent}${k}:`);
        emit(v, `${indent}  `, out);
      }
    } else if (v !== null && typeof v === "object" && Object.keys(v).length === 0) out.push(`${indent}${k}: {}`);
    else if (v !== null && typeof v === "object") {
      out.push(`${indent}${k}:`);
      emitMap(v as Raw, `${indent}  `, out);
    } else out.push(`${indent}${k}: ${scalar(v)}`);
  }
}

export function toYaml(value: Raw): string {
  const out: string[] = [];
  emitMap(value, "", out);
  return `${out.join("\n")}\n`;
}

// ----------------------------------------------------------------------------------------------

const str = (v: unknown): string | null => (typeof v === "string" && v !== "null" && v !== "~" && v !== "" ? v : null);

/** Records that must travel together: a comparison's records; every other record alone. */
function blocksOf(study: RawStudy): RawEffect[][] {
  const byComparison = new Map<string, RawEffect[]>();
  const blocks: RawEffect[][] = [];
  for (const e of study.effects) {
    const c = str(e.comparison);
    if (!c) blocks.push([e]);
    else if (byComparison.has(c)) byComparison.get(c)!.push(e);
    else {
      const block = [e];
      byComparison.set(c, block);
      blocks.push(block);
    }
  }
  return blocks;
}

/** A printed number scaled, keeping its printed decimals ("7.00" × 1.1 → "7.70"). */
function scaled(text: unknown, factor: number): unknown {
  const s = str(text);
  if (!s || !/^-?\d+(\.\d+)?$/.test(s)) return text;
  const decimals = s.includes(".") ? s.length - s.indexOf(".") - 1 : 0;
  return (Number(s) * factor).toFixed(decimals);
}

function scaleDurations(e: RawEffect, factor: number): RawEffect {
  // A damaged printing keeps its reading as printed: the two must stay the same figure.
  if (!TIME_MEASURES.has(String(e.measure)) || !TIME_UNIT.test(str(e.unit) ?? "") || (e.reading !== null && typeof e.reading === "object")) return e;
  const out: RawEffect = { ...e };
  for (const f of ["value", "ciLower", "ciUpper", "rangeLower", "rangeUpper"]) if (f in out) out[f] = scaled(out[f], factor);
  return out;
}

type Plan = { template: number; size: number };

/** Study sizes: log-normal around each template's size, scaled so that they sum to `effects`. */
function planStudies(templates: RawStudy[], options: SynthOptions, rand: () => number): Plan[] {
  const plans: Plan[] = [];
  for (let i = 0; i < options.studies; i++) {
    const template = i % templates.length;
    plans.push({ template, size: templates[template]!.effects.length * Math.exp(0.7 * gaussian(rand)) });
  }
  // The first copy of each template keeps every record (see the header); the others share the rest.
  const fixed = plans.slice(0, templates.length).reduce((n, p) => n + templates[p.template]!.effects.length, 0);
  const free = plans.slice(templates.length);
  const want = Math.max(free.length, options.effects - fixed);
  const total = free.reduce((n, p) => n + p.size, 0);
  for (const p of free) p.size = Math.max(1, Math.round((p.size * want) / total));
  for (const p of plans.slice(0, templates.length)) p.size = templates[p.template]!.effects.length;
  return plans;
}

function personName(rand: () => number): string {
  const surname = SURNAMES[Math.floor(rand() * SURNAMES.length)]!;
  const n = 1 + Math.floor(rand() * 2);
  let initials = "";
  for (let i = 0; i < n; i++) initials += INITIALS[Math.floor(rand() * INITIALS.length)];
  return `${surname} ${initials}`;
}

export function* generate(templatesIn: ReturnType<typeof readTemplates>, options: SynthOptions): Generator<SynthFile> {
  const rand = random(options.seed ?? 20261210);
  const templates = templatesIn.studies;
  if (options.studies < templates.length) throw new Error(`--studies must be at least ${templates.length} (one copy of each curated study)`);
  if (options.effects < options.studies) throw new Error("--effects must be at least --studies (every study holds a record)");
  for (const v of templatesIn.vocab) yield { path: `vocab/${v.name}`, text: v.text };

  const plans = planStudies(templates, options, rand);
  const width = String(options.studies).length;
  const idOf = (i: number) => `syn-${String(i + 1).padStart(width, "0")}-${templates[plans[i]!.template]!.id}`.slice(0, 80).replace(/-+$/, "");
  // The first copy of each curated study, for links across studies (sameAs), questions and risk of bias.
  const firstCopy = new Map(templates.map((t, i) => [t.id, idOf(i)]));
  const usedNames = new Map<string, number>();

  // 1. Which blocks each study keeps, in how many cohorts: whole blocks, in the template's order within a cohort.
  type Choice = { block: RawEffect[]; cohort: number; k: number };
  const selections: Choice[][] = [];
  let written = 0;
  let carry = 0; // records chosen beyond the plan so far, taken off the next studies' plans
  for (let i = 0; i < plans.length; i++) {
    const plan = plans[i]!;
    const keepAll = i < templates.length;
    const blocks = blocksOf(templates[plan.template]!);
    const size = keepAll ? plan.size : Math.max(1, Math.min(plan.size - carry, options.effects - written - (plans.length - i - 1)));
    const chosen: Choice[] = [];
    let count = 0;
    for (let cohort = 0; count < size; cohort++) {
      const order = blocks.map((b, k) => ({ b, k, r: keepAll ? k : rand() }));
      if (!keepAll) order.sort((x, y) => x.r - y.r);
      const picked: typeof order = [];
      for (const o of order) {
        if (count >= size) break;
        // Past the target only where a block is larger than what is left and nothing smaller fits.
        if (!keepAll && count + o.b.length > size && o.b.length > 1) continue;
        picked.push(o);
        count += o.b.length;
      }
      if (picked.length === 0) {
        const smallest = order.reduce((a, b) => (b.b.length < a.b.length ? b : a));
        picked.push(smallest);
        count += smallest.b.length;
      }
      picked.sort((x, y) => x.k - y.k);
      chosen.push(...picked.map((o) => ({ block: o.b, cohort, k: o.k })));
      if (keepAll) break;
    }
    if (!keepAll) carry += count - plan.size;
    written += count;
    selections.push(chosen);
  }
  // 2. Exactly `effects` records: single records taken off (or added as a further cohort to) the
  //    last studies, never the first copies.
  for (let i = plans.length - 1; i >= templates.length && written !== options.effects; i--) {
    const chosen = selections[i]!;
    if (written > options.effects) {
      for (let j = chosen.length - 1; j >= 0 && written > options.effects && chosen.length > 1; j--)
        if (chosen[j]!.block.length === 1) {
          chosen.splice(j, 1);
          written--;
        }
    } else {
      const blocks = blocksOf(templates[plans[i]!.template]!);
      const single = blocks.findIndex((b) => b.length === 1);
      if (single < 0) continue;
      let cohort = Math.max(...chosen.map((c) => c.cohort)) + 1;
      while (written < options.effects && cohort < 1000) chosen.push({ block: blocks[single]!, cohort: cohort++, k: single }), written++;
    }
  }
  if (written !== options.effects) throw new Error(`synth: cannot place exactly ${options.effects} records in ${options.studies} studies`);

  // 3. The files.
  for (let i = 0; i < plans.length; i++) {
    const plan = plans[i]!;
    const template = templates[plan.template]!;
    const id = idOf(i);
    const keepAll = i < templates.length;
    const chosen = selections[i]!;
    // Ids within the new file: a further cohort's records and comparisons carry "-c<n>".
    const suffix = (cohort: number) => (cohort === 0 ? "" : `-c${cohort + 1}`);
    const present = new Set(chosen.flatMap(({ block, cohort }) => block.map((e) => `${e.id}${suffix(cohort)}`)));
    const durationFactor = keepAll ? 1 : Math.exp(0.15 * gaussian(rand));
    const effects: RawEffect[] = [];
    for (const { block, cohort } of chosen) {
      for (const e of block) {
        const copy: RawEffect = scaleDurations({ ...e, id: `${e.id}${suffix(cohort)}` }, durationFactor);
        if (str(e.comparison)) copy.comparison = `${str(e.comparison)}${suffix(cohort)}`;
        if (cohort > 0 && str(e.population)) copy.population = `${str(e.population)} (cohort ${cohort + 1})`;
        const same = str(e.sameAs);
        if (same) {
          if (!same.includes("/")) copy.sameAs = present.has(`${same}${suffix(cohort)}`) ? `${same}${suffix(cohort)}` : null;
          else {
            const [otherStudy, record] = same.split("/");
            copy.sameAs = keepAll && firstCopy.has(otherStudy!) ? `${firstCopy.get(otherStudy!)}/${record}` : null;
          }
        }
        effects.push(copy);
      }
    }

    // The study: the template's design and text, new names and identifiers.
    const year = 1998 + Math.floor(rand() * 28);
    const authors = Array.from({ length: 1 + Math.floor(rand() * 10) }, () => personName(rand));
    const base = `${authors[0]!.split(" ")[0]} ${year}`;
    const seen = usedNames.get(base) ?? 0;
    usedNames.set(base, seen + 1);
    const shortName = seen === 0 ? base : `${base}${seen < 26 ? String.fromCharCode(97 + seen) : `-${seen}`}`;
    const citation = template.citation as Raw;
    const study: Raw = {
      ...template,
      id,
      shortName,
      citation: {
        ...citation,
        authors,
        authorsComplete: authors.length < 6 ? "true" : "false",
        journal: JOURNALS[Math.floor(rand() * JOURNALS.length)]!,
        year: String(year),
        volume: String(1 + Math.floor(rand() * 80)),
        issue: String(1 + Math.floor(rand() * 12)),
        pages: String(100 + Math.floor(rand() * 900)),
        doi: `10.5555/synth.${id}`,
        pmid: String(20000000 + Math.floor(rand() * 19999999)),
        url: null,
        citationNote: null,
      },
      effects,
    };
    yield { path: `studies/${id}.yaml`, text: toYaml(study) };
  }

  // Questions and risk of bias, carried over to the first copy of the studies they name.
  const mapRecord = (ref: string) => {
    const [s, r] = ref.split("/");
    return firstCopy.has(s!) ? `${firstCopy.get(s!)}/${r}` : ref;
  };
  for (const q of templatesIn.questions) {
    const data = structuredClone(q.data) as Raw & { filters?: { study?: string[] }; outcomes?: (Raw & { baseline?: Raw | string | null })[] };
    if (data.filters?.study) data.filters.study = data.filters.study.map((s) => firstCopy.get(s) ?? s);
    for (const o of data.outcomes ?? []) if (o.baseline && typeof o.baseline === "object" && typeof o.baseline.record === "string") o.baseline.record = mapRecord(o.baseline.record);
    yield { path: `questions/${q.name}`, text: toYaml(data) };
  }
  for (const r of templatesIn.riskOfBias) {
    const study = firstCopy.get(String(r.data.study));
    if (!study) continue;
    yield { path: `risk-of-bias/${study}.yaml`, text: toYaml({ ...r.data, study }) };
  }
}
