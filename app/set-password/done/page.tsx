import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { AuthCard } from "@/components/auth/auth-card";

export const metadata: Metadata = { title: "パスワードを設定しました" };

export default function SetPasswordDonePage() {
  return (
    <AuthCard title="パスワードを設定しました">
      <div className="space-y-4">
        <Notice tone="success">設定したパスワードでログインしてください。使ったリンクはもう使えません。</Notice>
        <ButtonLink href="/login" size="lg" className="w-full">
          ログイン画面へ
        </ButtonLink>
      </div>
    </AuthCard>
  );
}
