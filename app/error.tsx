"use client";
import { ErrorView } from "@/components/layout/error-views";

export default function RootError({
  error,
  reset,
}: Readonly<{ error: Error & { digest?: string }; reset: () => void }>) {
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-12">
      <ErrorView error={error} reset={reset} homeHref="/" homeLabel="トップページへ戻る" />
    </main>
  );
}
