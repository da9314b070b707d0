"use client";
import { ErrorView } from "@/components/layout/error-views";

export default function HubError({
  error,
  reset,
}: Readonly<{ error: Error & { digest?: string }; reset: () => void }>) {
  return <ErrorView error={error} reset={reset} homeHref="/hub" homeLabel="ホームへ戻る" />;
}
