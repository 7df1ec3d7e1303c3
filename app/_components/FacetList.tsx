import Link from "next/link";
import type { Facet } from "@/lib/data/facets";

export function FacetList({ facets }: { facets: Facet[] }) {
  return (
    <nav className="facets" aria-label="Filters" id="filters">
      {facets.map((facet) => (
        <details key={facet.key} open={facet.key !== "design" && facet.key !== "measure"}>
          <summary>
            {facet.title}
            {facet.values.some((v) => v.selected) ? ` (${facet.values.filter((v) => v.selected).length} selected)` : ""}
          </summary>
          <ul>
            {facet.values.map((v) => (
              <li key={v.value} style={v.depth ? { paddingLeft: `${v.depth * 0.8}rem` } : undefined}>
                <Link href={v.href} aria-current={v.selected ? "true" : undefined} scroll={false}>
                  <span>
                    {v.label}
                    {v.level === "codon" || v.level === "allele" ? <span className="visually-hidden"> ({v.level})</span> : null}
                  </span>
                  <span className="count" aria-label={`${v.count} records`}>
                    {v.count}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
          {facet.more ? (
            <p className="small">
              <Link href={facet.more.href} scroll={false}>
                {facet.more.hidden} more {facet.title.toLowerCase()} value{facet.more.hidden === 1 ? "" : "s"} →
              </Link>
            </p>
          ) : null}
        </details>
      ))}
    </nav>
  );
}
