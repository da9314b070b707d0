"use client";
// The Japanese pages shown instead of Next's English defaults: "not found" (an unknown id, or one
// outside the viewer's scope — the two look the same on purpose) and "something failed" (a bug:
// the reference lets the support desk find the server log line). One component per kind, used
// by every area's not-found.tsx and error.tsx.
import Link from "next/link";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";

type THome = { homeHref: string; homeLabel: string };

export function NotFoundView({ homeHref, homeLabel }: Readonly<THome>) {
  return (
    <section
      aria-labelledby="not-found-title"
      className="rounded-lg border border-dashed border-gray-300 bg-white px-6 py-10 text-center"
    >
      <h1 id="not-found-title" className="text-lg font-semibold text-gray-900">
        ページが見つかりません
      </h1>
      <p className="mt-2 text-sm text-gray-700">
        指定されたページや報告は存在しないか、閲覧する権限がありません。URL をご確認ください。
      </p>
      <p className="mt-4">
        <Link href={homeHref} className="text-teal-800 underline">
          {homeLabel}
        </Link>
      </p>
    </section>
  );
}

export function ErrorView({
  error,
  reset,
  homeHref,
  homeLabel,
}: Readonly<THome & { error: Error & { digest?: string }; reset: () => void }>) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <section
      aria-labelledby="error-title"
      className="rounded-lg border border-red-200 bg-white px-6 py-10 text-center"
      role="alert"
    >
      <h1 id="error-title" className="text-lg font-semibold text-gray-900">
        エラーが発生しました
      </h1>
      <p className="mt-2 text-sm text-gray-700">
        処理中に問題が発生しました。入力中の内容は自動保存されている場合があります。時間をおいて再度お試しください。
      </p>
      {error.digest && <p className="mt-2 text-xs text-gray-600">参照番号: {error.digest}</p>}
      <div className="mt-4 flex flex-wrap justify-center gap-3">
        <Button onClick={reset}>もう一度試す</Button>
        <Link href={homeHref} className="self-center text-teal-800 underline">
          {homeLabel}
        </Link>
      </div>
    </section>
  );
}
