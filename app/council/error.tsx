"use client";
import { ErrorView } from "@/components/layout/error-views";

export default function CouncilError({
  error,
  reset,
}: Readonly<{ error: Error & { digest?: string }; reset: () => void }>) {
  return <ErrorView error={error} reset={reset} homeHref="/council" homeLabel="担当する圏域のダッシュボードへ戻る" />;
}
