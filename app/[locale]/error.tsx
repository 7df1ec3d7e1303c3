"use client";
// A page that fails says so plainly and offers a way on.
import { ErrorPanel } from "./_components/ErrorPanel";

export default function PageError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel {...props} title="title" body="body" back={{ href: "/", label: "back" }} />;
}
