"use client";
import { ErrorView } from "@/components/layout/error-views";

export default function PrefectureError({
  error,
  reset,
}: Readonly<{ error: Error & { digest?: string }; reset: () => void }>) {
  return <ErrorView error={error} reset={reset} homeHref="/prefecture" homeLabel="都道府県ホームへ戻る" />;
}
