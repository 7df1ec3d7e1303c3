import Link from "next/link";

const QUESTIONS: { question: string; href: string; hint: string }[] = [
  { question: "What is known about KRAS G12D?", href: "/?group=KRAS-G12D", hint: "allele-level records only; the map shows what exists only at RAS level" },
  { question: "OS after hepatectomy by RAS status, adjusted?", href: "/?endpoint=OS&treatment=hepatectomy", hint: "hazard ratios (forest plot) and medians by group" },
  { question: "Triplet vs doublet on resection in RAS-mutant disease?", href: "/?endpoint=r0-resection&endpoint=resection&endpoint=conversion&treatment=FOLFOXIRI-bev", hint: "FOLFOXIRI + bevacizumab arms against doublets" },
  { question: "Does RAS status predict early progression?", href: "/?endpoint=early-progression&group=RAS", hint: "odds ratios, univariable and multivariable" },
  { question: "Does KRAS blunt the response to HAI pump chemotherapy?", href: "/?treatment=HAI-FUDR&endpoint=ORR&endpoint=conversion", hint: "ORR and conversion by KRAS status" },
  { question: "Is codon 13 worse than codon 12?", href: "/?group=KRAS-codon-13&group=KRAS-codon-12", hint: "codon-level findings, with their level shown" },
];

export function StartingQuestions() {
  return (
    <section aria-labelledby="questions-heading" className="card no-print">
      <h2 id="questions-heading">Start with a question</h2>
      <ul>
        {QUESTIONS.map((q) => (
          <li key={q.href}>
            <Link href={q.href}>{q.question}</Link> <span className="muted small">— {q.hint}</span>
          </li>
        ))}
      </ul>
      <p className="small muted">
        Or choose filters on the left, type in the search box, open the <Link href="/map">evidence map</Link> or <Link href="/compare?studies=become&studies=cairo5&studies=tribe">compare trials</Link>.
      </p>
    </section>
  );
}
