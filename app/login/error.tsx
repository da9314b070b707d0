"use client";
import { ErrorView } from "@/components/layout/error-views";

export default function LoginError({
  error,
  reset,
}: Readonly<{ error: Error & { digest?: string }; reset: () => void }>) {
  return <ErrorView error={error} reset={reset} homeHref="/login" homeLabel="ログイン画面へ戻る" />;
}
