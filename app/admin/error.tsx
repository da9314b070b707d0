"use client";
import { ErrorView } from "@/components/layout/error-views";

export default function AdminError({
  error,
  reset,
}: Readonly<{ error: Error & { digest?: string }; reset: () => void }>) {
  return <ErrorView error={error} reset={reset} homeHref="/admin" homeLabel="全国の画面へ戻る" />;
}
