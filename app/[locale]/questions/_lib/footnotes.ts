// GRADE's footnotes: every domain that moved certainty (or a curator overrode) gets a letter in the
// Certainty cell, and the note under the table gives the reason in words. Letters run on through the
// table (a, b, c … z, aa, ab …) so each is unique on the page.
import type { SofRow } from "@/lib/grade/sof";
import { GRADE_DOMAIN_ORDER, gradeWords, type GradeDomain } from "./labels";

export type Footnote = {
  mark: string;
  /** The domain rated down (or overridden), or an upgrade. */
  domain: GradeDomain | "upgrade";
  name: string;
  /** "Serious (−1)", "+1". */
  rating: string;
  reason: string;
  override: { reason: string; computed: string } | null;
};

export type RowFootnotes = { outcome: string; outcomeLabel: string; notes: Footnote[]; setAside: SofRow["effect"]["setAside"] };

export function footnoteMark(index: number): string {
  let n = index;
  let mark = "";
  do {
    mark = String.fromCharCode(97 + (n % 26)) + mark;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return mark;
}

const levelsText = (levels: number) => (levels ? `−${levels}` : "0");

/** `locale` "zh": the domain names and ratings in GRADE's Chinese wording (the reasons stay as computed). */
export function sofFootnotes(rows: Pick<SofRow, "outcome" | "outcomeLabel" | "domains" | "effect">[], locale: string = "en"): RowFootnotes[] {
  const { domains: DOMAIN_NAMES, ratings: RATING_LABELS, ratedUp } = gradeWords(locale);
  // "Serious (−1)"; in Chinese with full-width brackets, "严重（−1）".
  const rated = (rating: keyof typeof RATING_LABELS, levels: number) => (locale === "zh" ? `${RATING_LABELS[rating]}（${levelsText(levels)}）` : `${RATING_LABELS[rating]} (${levelsText(levels)})`);
  let next = 0;
  return rows.map((r) => {
    const notes: Footnote[] = [];
    for (const d of GRADE_DOMAIN_ORDER) {
      const j = r.domains[d];
      if (j.levels === 0 && !j.override) continue;
      notes.push({
        mark: footnoteMark(next++),
        domain: d,
        name: DOMAIN_NAMES[d],
        rating: rated(j.rating, j.levels),
        reason: j.reason,
        override: j.override ? { reason: j.override.reason, computed: `${rated(j.override.computed.rating, j.override.computed.levels)}${locale === "zh" ? "：" : ": "}${j.override.computed.reason}` } : null,
      });
    }
    for (const u of r.domains.upgrades) notes.push({ mark: footnoteMark(next++), domain: "upgrade", name: ratedUp, rating: `+${u.levels}`, reason: u.reason, override: null });
    return { outcome: r.outcome, outcomeLabel: r.outcomeLabel, notes, setAside: r.effect.setAside };
  });
}
