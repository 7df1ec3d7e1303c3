// The interface's messages the browser receives: what its client components read (the pickers, the
// charts, the search box, the language switch, the error panels, the print buttons). The others are
// used on the server only; sent whole, every page carried them in its HTML (about 45 KB of the home
// page). i18n/client-messages.test.ts reads the client components and fails if one reads a message
// that is not sent.
import type { AbstractIntlMessages } from "next-intl";

/** Namespaces sent whole. */
export const CLIENT_NAMESPACES = ["nav", "error", "search", "browse", "chart"] as const;
/** Single messages of namespaces that are otherwise the server's. */
export const CLIENT_KEYS = ["compare.find", "compare.matches", "pool.copied", "pool.copyBlocked"] as const;

export function clientMessages(all: AbstractIntlMessages): AbstractIntlMessages {
  const out: AbstractIntlMessages = {};
  for (const ns of CLIENT_NAMESPACES) if (all[ns] !== undefined) out[ns] = all[ns];
  for (const key of CLIENT_KEYS) {
    const [ns, name] = key.split(".") as [string, string];
    const from = all[ns];
    if (from && typeof from === "object" && from[name] !== undefined) out[ns] = { ...((out[ns] as AbstractIntlMessages | undefined) ?? {}), [name]: from[name] };
  }
  return out;
}
