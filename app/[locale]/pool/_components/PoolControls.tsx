import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import type { Control } from "./pool-view";

/** The pooling choices as links: every view is a URL (no script needed, bookmarkable). */
export function PoolControls({ controls }: { controls: Control[] }) {
  const t = useTranslations("pool");
  // A control's name and its values are message keys (pool.control.*, pool.option.*); a value without one shows its label.
  const option = (link: Control["links"][number]) => (t.has(`option.${link.value}`) ? t(`option.${link.value}`) : link.label);
  return (
    <nav className="pool-controls no-print" aria-label={t("options")}>
      {controls.map((control) => (
        <div key={control.name} className="pool-control">
          <span className="pool-control-label" id={`pool-control-${control.name}`}>
            {t.has(`control.${control.name}`) ? t(`control.${control.name}`) : control.label}
          </span>
          <ul aria-labelledby={`pool-control-${control.name}`}>
            {control.links.map((link) => (
              <li key={link.value}>
                <Link href={link.href} aria-current={link.current ? "page" : undefined} data-control={`${control.name}=${link.value}`}>
                  {option(link)}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
