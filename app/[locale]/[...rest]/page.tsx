import { notFound } from "next/navigation";

// Any path under a locale that names no page: the not-found page in that language (app/[locale]/not-found.tsx).
export default function UnknownPage() {
  notFound();
}
