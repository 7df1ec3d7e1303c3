"use client";
// A pooled view that fails to load says so and offers a way on; the strict API gives the details.
import { ErrorPanel } from "../_components/ErrorPanel";

export default function PoolError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel {...props} title="poolTitle" body="poolBody" back={{ href: "/", label: "back" }} />;
}
