import { Link } from "@/i18n/navigation";
import { useTranslations } from "next-intl";
import type { Facet } from "@/lib/data/facets";

export function FacetList({ facets }: { facets: Facet[] }) {
  const t = useTranslations("facets");
  // Measures and analyses are the schema's codes, labelled here (the vocabularies' labels come localized).
  const valueLabel = (key: string, value: string, label: string) => (t.has(`value.${key}.${value}`) ? t(`value.${key}.${value}`) : label);
  return (
    <nav className="facets" aria-label={t("filters")} id="filters">
      {facets.map((facet) => (
        <details key={facet.key} open={facet.key !== "design" && facet.key !== "measure"}>
          <summary>
            {t.has(`title.${facet.key}`) ? t(`title.${facet.key}`) : facet.title}
            {facet.values.some((v) => v.selected) ? t("selected", { count: facet.values.filter((v) => v.selected).length }) : ""}
          </summary>
          <ul>
            {facet.values.map((v) => (
              <li key={v.value} style={v.depth ? { paddingLeft: `${v.depth * 0.8}rem` } : undefined}>
                <Link href={v.href} aria-current={v.selected ? "true" : undefined} scroll={false}>
                  <span>
                    {valueLabel(facet.key, v.value, v.label)}
                    {v.level === "codon" || v.level === "allele" ? <span className="visually-hidden"> ({t(`level.${v.level}`)})</span> : null}
                  </span>
                  <span className="count" aria-label={t("records", { count: v.count })}>
                    {v.count}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
          {facet.more ? (
            <p className="small">
              <Link href={facet.more.href} scroll={false}>
                {t("more", { count: facet.more.hidden, title: (t.has(`title.${facet.key}`) ? t(`title.${facet.key}`) : facet.title).toLowerCase() })}
              </Link>
            </p>
          ) : null}
        </details>
      ))}
    </nav>
  );
}
