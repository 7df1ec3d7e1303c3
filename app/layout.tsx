import type { Metadata } from "next";
import Link from "next/link";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "RAS-mutant CRLM evidence", template: "%s · RAS-mutant CRLM evidence" },
  description: "Every published figure on RAS/KRAS-mutant colorectal liver metastases, endpoint by endpoint, treatment by treatment, codon by codon.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="brand">
            RAS-mutant CRLM evidence
          </Link>
          <nav aria-label="Main">
            <ul>
              <li><Link href="/">Browse</Link></li>
              <li><Link href="/map">Evidence map</Link></li>
              <li><Link href="/compare">Compare</Link></li>
              <li><Link href="/studies">Studies</Link></li>
              <li><Link href="/questions">Questions</Link></li>
              <li><Link href="/integrity">Integrity flags</Link></li>
            </ul>
          </nav>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
