// Links, redirects and the router that keep the interface's language in the URL (/zh/… stays /zh/…).
import NextLink from "next/link";
import { useLocale } from "next-intl";
import { createNavigation } from "next-intl/navigation";
import type { ComponentProps } from "react";
import { routing } from "./routing";

const intl = createNavigation(routing);
export const { redirect, usePathname, useRouter, getPathname } = intl;

/** next-intl's link: for a link to the other language (it also remembers the choice in its cookie). */
export const LocaleSwitchLink = intl.Link;

/**
 * A link within the page's language: the address made here (/zh/… under /zh) and given to Next's own
 * Link. next-intl's Link carries its locale and cookie settings into every link's props: measured on
 * the 200,000-record home page, about 100 bytes a link, 137 links. A link to the other language is
 * LocaleSwitchLink (it takes a `locale`; this one does not).
 */
export function Link({ href, ...rest }: Omit<ComponentProps<typeof intl.Link>, "href" | "locale"> & { href: Parameters<typeof getPathname>[0]["href"] }) {
  const locale = useLocale();
  return <NextLink href={getPathname({ href, locale })} {...rest} />;
}
