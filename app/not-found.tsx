import type { Metadata } from "next";
import { NotFoundView } from "@/components/layout/error-views";

export const metadata: Metadata = { title: "ページが見つかりません" };

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-12">
      <NotFoundView homeHref="/" homeLabel="トップページへ戻る" />
    </main>
  );
}
