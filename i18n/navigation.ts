// Links, redirects and the router that keep the interface's language in the URL (/zh/… stays /zh/…).
import { createNavigation } from "next-intl/navigation";
import { routing } from "./routing";

export const { Link, redirect, usePathname, useRouter, getPathname } = createNavigation(routing);
