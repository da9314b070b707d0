import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

export const metadata: Metadata = { title: "パスワードを設定しました" };

export default function SetPasswordDonePage() {
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col px-4 py-12">
      <div className="mb-8 text-center">
        <p className="text-3xl font-bold text-teal-800">連携</p>
        <p className="mt-1 text-sm font-semibold tracking-wide text-gray-500">Renkei</p>
      </div>
      <div className="space-y-4 rounded-lg border border-gray-200 bg-white p-6 shadow-sm">
        <h1 className="text-lg font-semibold">パスワードを設定しました</h1>
        <Notice tone="success">設定したパスワードでログインしてください。使ったリンクはもう使えません。</Notice>
        <ButtonLink href="/login" size="lg" className="w-full">
          ログイン画面へ
        </ButtonLink>
      </div>
    </main>
  );
}
