"use client";
import { ErrorView } from "@/components/layout/error-views";

export default function InstitutionError({
  error,
  reset,
}: Readonly<{ error: Error & { digest?: string }; reset: () => void }>) {
  return <ErrorView error={error} reset={reset} homeHref="/institution" homeLabel="ホームへ戻る" />;
}
