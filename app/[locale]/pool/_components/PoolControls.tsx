import { Link } from "@/i18n/navigation";
import type { Control } from "./pool-view";

/** The pooling choices as links: every view is a URL (no script needed, bookmarkable). */
export function PoolControls({ controls }: { controls: Control[] }) {
  return (
    <nav className="pool-controls no-print" aria-label="Pooling options">
      {controls.map((control) => (
        <div key={control.name} className="pool-control">
          <span className="pool-control-label" id={`pool-control-${control.name}`}>
            {control.label}
          </span>
          <ul aria-labelledby={`pool-control-${control.name}`}>
            {control.links.map((link) => (
              <li key={link.value}>
                <Link href={link.href} aria-current={link.current ? "page" : undefined} data-control={`${control.name}=${link.value}`}>
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
