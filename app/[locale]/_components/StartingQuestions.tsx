import { Link } from "@/i18n/navigation";
import { useTranslations } from "next-intl";

// The question and hint of each are in messages/*.json under startingQuestions.<key>.
const QUESTIONS: { key: string; href: string }[] = [
  { key: "g12d", href: "/?group=KRAS-G12D" },
  { key: "osHepatectomy", href: "/?endpoint=OS&treatment=hepatectomy" },
  { key: "triplet", href: "/?endpoint=r0-resection&endpoint=resection&endpoint=conversion&treatment=FOLFOXIRI-bev" },
  { key: "earlyProgression", href: "/?endpoint=early-progression&group=RAS" },
  { key: "hai", href: "/?treatment=HAI-FUDR&endpoint=ORR&endpoint=conversion" },
  { key: "codon13", href: "/?group=KRAS-codon-13&group=KRAS-codon-12" },
];

export function StartingQuestions() {
  const t = useTranslations("startingQuestions");
  return (
    <section aria-labelledby="questions-heading" className="card no-print">
      <h2 id="questions-heading">{t("heading")}</h2>
      <ul>
        {QUESTIONS.map((q) => (
          <li key={q.href}>
            <Link href={q.href}>{t(`${q.key}.question`)}</Link> <span className="muted small">— {t(`${q.key}.hint`)}</span>
          </li>
        ))}
      </ul>
      <p className="small muted">
        {t.rich("or", {
          map: (chunks) => <Link href="/map">{chunks}</Link>,
          compare: (chunks) => <Link href="/compare?studies=become&studies=cairo5&studies=tribe">{chunks}</Link>,
        })}
      </p>
    </section>
  );
}
