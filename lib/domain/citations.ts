// Citations as RIS and BibTeX (for reference managers and guideline appendices): every publication
// a view uses — each study's main paper and its other reports, and the citing document (the review)
// of any secondary figure in the view.
import type { EffectRecord, ReportRecord, StudyRecord } from "./records";

/** A citable publication, whatever it is in this database (a study's paper, a report, a citing document). */
export type Publication = {
  key: string;
  title: string | null;
  /** What a reader calls it when there is no title: the study's short name and the report's label. */
  name: string;
  authors: string[];
  authorsComplete: boolean;
  journal: string | null;
  year: number | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  doi: string | null;
  pmid: string | null;
  url: string | null;
  note: string;
};

export type CitingDocument = {
  code: string;
  label: string;
  citation: Omit<Publication, "key" | "name" | "note">;
};

const studyPublication = (s: StudyRecord): Publication => ({
  key: s.id,
  title: s.title,
  name: s.shortName,
  authors: s.authors,
  authorsComplete: s.authorsComplete,
  journal: s.journal,
  year: s.year,
  volume: s.volume,
  issue: s.issue,
  pages: s.pages,
  doi: s.doi,
  pmid: s.pmid,
  url: s.url,
  note: `${s.shortName}; source level in this database: ${s.sourceLevel}`,
});

const reportPublication = (s: StudyRecord, r: ReportRecord): Publication => ({
  key: `${s.id}/${r.id}`,
  title: r.title,
  name: `${s.shortName}: ${r.label}`,
  authors: r.authors,
  authorsComplete: r.authorsComplete,
  journal: r.journal,
  year: r.year,
  volume: r.volume,
  issue: r.issue,
  pages: r.pages,
  doi: r.doi,
  pmid: r.pmid,
  url: r.url,
  note: `${s.shortName}: ${r.label}`,
});

/** Every publication behind a set of records: their studies with all reports, and the citing documents of secondary figures. */
export function publicationsOf(studies: StudyRecord[], effects: Pick<EffectRecord, "document" | "sourceLevel">[], citing: CitingDocument[]): Publication[] {
  const out: Publication[] = [];
  const used = new Set(effects.filter((e) => e.sourceLevel === "secondary").map((e) => e.document));
  for (const d of citing)
    if (used.has(d.code)) out.push({ ...d.citation, key: d.code, name: d.label, note: `${d.label}; the source of this database's secondary figures` });
  for (const s of studies) {
    out.push(studyPublication(s));
    for (const r of s.reports) out.push(reportPublication(s, r));
  }
  return out;
}

/**
 * A field value on one line: a CR or LF inside a value would start a new RIS tag (an injected
 * "ER  - " would end the record and start another). Every other control character, and the Unicode
 * line and paragraph separators and NEL that some readers also break on, become spaces too.
 */
const oneLine = (v: string) => v.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").trim();

/**
 * A RIS value: one line, and no run of spaces, so that "XX  - " inside a value (a tag is two
 * characters and two spaces) cannot be taken for a tag by a reader that does not anchor tags to the
 * start of a line (citation-js's does not).
 */
const risValue = (v: string) => oneLine(v).replace(/\s{2,}/g, " ");

function pages(p: string | null): [string | null, string | null] {
  if (!p) return [null, null];
  const [a, b] = p.split(/[-–]/);
  return [a ?? null, b ?? null];
}

/** RIS names are "Surname, Initials": "Peng JH" -> "Peng, JH"; a group author stays whole. */
export function risAuthor(name: string): string {
  const m = /^(.+?) ([A-Z]{1,4})$/.exec(name.trim());
  return m ? `${m[1]}, ${m[2]}` : name;
}

export function toRis(publications: Publication[]): string {
  return publications
    .map((s) => {
      const lines: string[] = [`TY  - ${s.journal ? "JOUR" : s.url ? "ELEC" : "GEN"}`];
      const tag = (t: string, v: string | number | null) => {
        if (v !== null && v !== "") lines.push(`${t}  - ${risValue(String(v))}`);
      };
      for (const a of s.authors) tag("AU", risAuthor(a));
      tag("TI", s.title ?? s.name);
      tag("JO", s.journal);
      tag("PY", s.year);
      tag("VL", s.volume);
      tag("IS", s.issue);
      const [sp, ep] = pages(s.pages);
      tag("SP", sp);
      tag("EP", ep);
      tag("DO", s.doi);
      if (s.pmid) tag("AN", `PMID:${s.pmid}`);
      tag("UR", s.url);
      tag("N1", `${s.note}${s.authorsComplete ? "" : "; author list incomplete (et al.)"}`);
      lines.push("ER  - ");
      return lines.join("\r\n");
    })
    .join("\r\n\r\n");
}

/**
 * BibTeX counts every brace, even an escaped one: \{ opens a group as much as { does. So a pair of
 * braces in a value is written \{…\}, and a brace without its partner as \textbraceleft{} or
 * \textbraceright{}, which keep the entry balanced. LaTeX's other special characters are escaped
 * (~ and ^ have no backslash form that prints them: the commands that do). One line per value.
 * Names use the command form for every brace: a reader splitting the author list on " and " may
 * take \{…\} for a group that hides the " and " (citation-js does); an " and " inside a name is
 * braced, {and}, so that it does not split the name in two.
 */
const BIB_COMMANDS: Record<string, string> = { "\\": "\\textbackslash{}", "~": "\\textasciitilde{}", "^": "\\textasciicircum{}" };
function escapeBib(s: string, braces: "pairs" | "commands" = "pairs"): string {
  const chars = [...oneLine(s)];
  const paired = new Set<number>();
  if (braces === "pairs") {
    const open: number[] = [];
    chars.forEach((c, i) => {
      if (c === "{") open.push(i);
      else if (c === "}" && open.length) paired.add(open.pop()!).add(i);
    });
  }
  return chars
    .map((c, i) => {
      if (c === "{" || c === "}") return paired.has(i) ? `\\${c}` : c === "{" ? "\\textbraceleft{}" : "\\textbraceright{}";
      return /[&%$#_]/.test(c) ? `\\${c}` : (BIB_COMMANDS[c] ?? c);
    })
    .join("");
}
/**
 * doi and url are read verbatim (biblatex, reference managers): LaTeX escapes would end up in the
 * link. The characters that could unbalance the entry or break the line are percent-encoded instead.
 */
const verbatimBib = (s: string) => oneLine(s).replace(/[{}\\\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
const VERBATIM_FIELDS = new Set(["doi", "url"]);

export function bibtexKey(s: Pick<Publication, "authors" | "year" | "key">): string {
  const first = (s.authors[0] ?? s.key).split(/[ ,]/)[0]!.replace(/[^A-Za-z]/g, "") || "study";
  return `${first}${s.year ?? ""}${s.key.replace(/[^a-z0-9]/g, "").slice(0, 16)}`;
}

export function toBibtex(publications: Publication[]): string {
  return publications
    .map((s) => {
      const f: [string, string | number | null][] = [
        ["author", s.authors.length ? s.authors.map((a) => escapeBib(a, "commands").replace(/ and /gi, (w) => ` {${w.trim()}} `)).join(" and ") + (s.authorsComplete ? "" : " and others") : null],
        ["title", s.title ?? s.name],
        ["journal", s.journal],
        ["year", s.year],
        ["volume", s.volume],
        ["number", s.issue],
        ["pages", s.pages?.replace(/[-–]/, "--") ?? null],
        ["doi", s.doi],
        ["pmid", s.pmid],
        ["url", s.url],
        ["note", s.note],
      ];
      const body = f.filter(([, v]) => v !== null && v !== "").map(([k, v]) => `  ${k} = {${k === "author" ? v : VERBATIM_FIELDS.has(k) ? verbatimBib(String(v)) : escapeBib(String(v))}}`).join(",\n");
      return `@${s.journal ? "article" : "misc"}{${bibtexKey(s)},\n${body}\n}`;
    })
    .join("\n\n");
}
