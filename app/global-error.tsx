"use client";
// Replaces the root layout when the layout itself fails, so it brings its own <html>.
import "./globals.css";
import { ErrorView } from "@/components/layout/error-views";

export default function GlobalError({
  error,
  reset,
}: Readonly<{ error: Error & { digest?: string }; reset: () => void }>) {
  return (
    <html lang="ja">
      <body>
        <main id="main" className="mx-auto max-w-2xl px-4 py-12">
          <ErrorView error={error} reset={reset} homeHref="/" homeLabel="トップページへ戻る" />
        </main>
      </body>
    </html>
  );
}
