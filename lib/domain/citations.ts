// Citations of studies as RIS and BibTeX (for reference managers and guideline appendices).
import type { StudyRecord } from "./records";

function pages(p: string | null): [string | null, string | null] {
  if (!p) return [null, null];
  const [a, b] = p.split(/[-–]/);
  return [a ?? null, b ?? null];
}

export function toRis(studies: StudyRecord[]): string {
  return studies
    .map((s) => {
      const lines: string[] = [`TY  - ${s.journal ? "JOUR" : "GEN"}`];
      for (const a of s.authors) lines.push(`AU  - ${a}`);
      if (s.title) lines.push(`TI  - ${s.title}`);
      else lines.push(`TI  - ${s.shortName}`);
      if (s.journal) lines.push(`JO  - ${s.journal}`);
      if (s.year) lines.push(`PY  - ${s.year}`);
      if (s.volume) lines.push(`VL  - ${s.volume}`);
      if (s.issue) lines.push(`IS  - ${s.issue}`);
      const [sp, ep] = pages(s.pages);
      if (sp) lines.push(`SP  - ${sp}`);
      if (ep) lines.push(`EP  - ${ep}`);
      if (s.doi) lines.push(`DO  - ${s.doi}`);
      if (s.pmid) lines.push(`AN  - PMID:${s.pmid}`);
      lines.push(`N1  - ${s.shortName}; source level in this database: ${s.sourceLevel}${s.authorsComplete ? "" : "; author list incomplete in the source"}`);
      lines.push("ER  - ");
      return lines.join("\r\n");
    })
    .join("\r\n\r\n");
}

const escapeBib = (s: string) => s.replace(/([{}&%$#_])/g, "\\$1");

export function bibtexKey(s: StudyRecord): string {
  const first = (s.authors[0] ?? s.id).split(/[ ,]/)[0]!.replace(/[^A-Za-z]/g, "") || "study";
  return `${first}${s.year ?? ""}${s.id.replace(/[^a-z0-9]/g, "").slice(0, 12)}`;
}

export function toBibtex(studies: StudyRecord[]): string {
  return studies
    .map((s) => {
      const f: [string, string | number | null][] = [
        ["author", s.authors.length ? s.authors.join(" and ") + (s.authorsComplete ? "" : " and others") : null],
        ["title", s.title ?? s.shortName],
        ["journal", s.journal],
        ["year", s.year],
        ["volume", s.volume],
        ["number", s.issue],
        ["pages", s.pages?.replace(/[-–]/, "--") ?? null],
        ["doi", s.doi],
        ["pmid", s.pmid],
        ["note", `${s.shortName}; source level: ${s.sourceLevel}`],
      ];
      const body = f.filter(([, v]) => v !== null && v !== "").map(([k, v]) => `  ${k} = {${escapeBib(String(v))}}`).join(",\n");
      return `@${s.journal ? "article" : "misc"}{${bibtexKey(s)},\n${body}\n}`;
    })
    .join("\n\n");
}
