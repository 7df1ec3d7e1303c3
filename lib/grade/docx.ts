// Summary of Findings as a Word document: the table panels paste into guideline documents
// (GRADE's SoF layout), landscape A4, then each outcome's evidence profile (every domain's rating,
// reason and numbers). Built with the maintained `docx` library.
import { AlignmentType, Document, HeadingLevel, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import type { SummaryOfFindings } from "./summary";

const DOMAIN_NAMES = { riskOfBias: "Risk of bias", inconsistency: "Inconsistency", indirectness: "Indirectness", imprecision: "Imprecision", publicationBias: "Publication bias" } as const;
const CERTAINTY_MARKS = { high: "⊕⊕⊕⊕ High", moderate: "⊕⊕⊕◯ Moderate", low: "⊕⊕◯◯ Low", "very low": "⊕◯◯◯ Very low" } as const;

const cell = (text: string, bold = false) =>
  new TableCell({ children: text.split("\n").map((line) => new Paragraph({ children: [new TextRun({ text: line, bold, size: 18 })] })) });

export const SOF_HEADERS = ["Outcome (importance)", "Studies (participants)", "Relative effect (95% CI)", "Absolute effect", "Certainty", "What happens"] as const;

export async function sofToDocx(s: SummaryOfFindings, meta: { version: string }): Promise<Buffer> {
  const header = new TableRow({ tableHeader: true, children: SOF_HEADERS.map((h) => cell(h, true)) });
  const rows = s.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(`${r.outcomeLabel} (${r.importance})`),
          cell(`${r.studies} (${r.participants ?? "not reported"})`),
          cell(r.effect.text),
          cell(r.absolute ? `${r.absolute.text}\n${r.absolute.assumption}` : "Not estimable"),
          cell(`${CERTAINTY_MARKS[r.certainty]}\n${(Object.keys(DOMAIN_NAMES) as (keyof typeof DOMAIN_NAMES)[]).filter((d) => r.domains[d].levels > 0).map((d) => `${DOMAIN_NAMES[d]}: ${r.domains[d].rating}${r.domains[d].override ? " (override)" : ""}`).join("\n")}`),
          cell(r.statement),
        ],
      }),
  );
  const profile = s.rows.flatMap((r) => [
    new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(`${r.outcomeLabel}: ${r.certainty} certainty`)] }),
    new Paragraph({ children: [new TextRun({ text: r.certaintyArithmetic, italics: true, size: 18 })] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: ["Domain", "Rating", "Levels", "Reason"].map((h) => cell(h, true)) }),
        ...(Object.keys(DOMAIN_NAMES) as (keyof typeof DOMAIN_NAMES)[]).map(
          (d) =>
            new TableRow({
              children: [
                cell(DOMAIN_NAMES[d]),
                cell(`${r.domains[d].rating}${r.domains[d].override ? ` (override; computed: ${r.domains[d].override!.computed.rating})` : ""}`),
                cell(r.domains[d].levels ? `−${r.domains[d].levels}` : "0"),
                cell(r.domains[d].reason),
              ],
            }),
        ),
        ...r.domains.upgrades.map((u) => new TableRow({ children: [cell("Rating up"), cell("upgrade"), cell(`+${u.levels}`), cell(u.reason)] })),
      ],
    }),
  ]);
  const doc = new Document({
    creator: "RAS-mutant CRLM evidence database",
    title: `Summary of findings: ${s.question.title}`,
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE }, margin: { top: 720, bottom: 720, left: 720, right: 720 } } },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`Summary of findings: ${s.question.title}`)] }),
          new Paragraph({ children: [new TextRun({ text: `Population: ${s.question.population}. ${s.question.kind === "prognostic" ? "Prognostic factor" : "Intervention"}: ${s.exposureLabel}; comparator: ${s.referenceLabel}.`, size: 20 })] }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] }),
          new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: `Built from the records of the evidence database, dataset version ${meta.version}. GRADE certainty: high, moderate, low, very low; each downgrade's reason is in the evidence profile below.`, size: 16 })] }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun("Evidence profile")] }),
          ...profile,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
