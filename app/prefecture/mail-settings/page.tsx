import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/viewer";
import { getMailSettings } from "@/lib/data/cycle-mail";
import { isMailConfigured } from "@/lib/services/mailer";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { Notice } from "@/components/ui/notice";
import { TextSettingsForm } from "@/components/prefecture/mail/text-settings-form";

export const metadata: Metadata = { title: "メールの差出人・署名" };

export default async function MailSettingsPage() {
  const viewer = await requireRole("prefecture");
  const { sender, saved } = await getMailSettings(viewer);
  return (
    <>
      <PageHeader
        title="メールの差出人・署名"
        description="回答者へのメール（案内・督促・差戻しなどのお知らせ）と郵送用の文書の最後に表示されます。"
      />
      <div className="space-y-6">
        {!isMailConfigured() && (
          <Notice>メールサーバーが設定されていない環境です。ここで設定した内容は、郵送用の文書に使われます。</Notice>
        )}
        {!saved && <Notice tone="warning">まだ保存されていません。下は既定の文面です。</Notice>}
        <Panel>
          <TextSettingsForm
            url="/api/v1/prefecture/mail-settings"
            submitLabel="保存する"
            doneMessage="保存しました。次に送るメールから使われます。"
            fields={[
              {
                name: "senderName",
                label: "差出人名",
                hint: "例: ○○県 健康福祉部 地域医療課",
                value: sender.senderName,
              },
              {
                name: "contact",
                label: "問い合わせ先",
                hint: "電話番号・メールアドレス・受付時間など（複数行可）",
                value: sender.contact,
                multiline: true,
              },
              { name: "signature", label: "結びの文（任意）", value: sender.signature, multiline: true },
            ]}
          />
        </Panel>
      </div>
    </>
  );
}
