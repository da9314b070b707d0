import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/viewer";
import { ROLE_HOME, type TRole } from "@/lib/auth/roles";
import { readFlashedRecoveryCodes } from "@/lib/auth/recovery-codes-flash";
import { NewRecoveryCodes } from "@/components/auth/new-recovery-codes";
import { formatDateTime } from "@/lib/domain/wareki";
import { prepareEnrolment, secondFactorStatus } from "@/lib/services/two-factor";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { Notice } from "@/components/ui/notice";
import { OneFieldForm } from "@/components/auth/one-field-form";
import { TwoFactorEnrolment } from "@/components/auth/two-factor-enrolment";
import { confirmEnrolmentAction } from "@/app/two-factor/actions";
import { disableSecondFactorAction, regenerateRecoveryCodesAction } from "./security-actions";

export const securityMetadata: Metadata = { title: "セキュリティ設定" };

const CODE_FIELD = {
  name: "code",
  label: "確認コード",
  hint: "認証アプリの6桁の数字、または回復コード",
  autoComplete: "one-time-code",
  pendingLabel: "確認しています…",
} as const;

/** Each role's security settings (/<role>/security): the second factor, on or off, and its codes. */
export async function SecurityPage({ role }: Readonly<{ role: TRole }>) {
  const viewer = await requireRole(role);
  const status = await secondFactorStatus(viewer.userId!);
  const newCodes = await readFlashedRecoveryCodes(viewer.userId!);
  return (
    <>
      <PageHeader title="セキュリティ設定" description="ログインの2段階認証（認証アプリの確認コード）" />
      <div className="max-w-2xl space-y-6">
        {newCodes && (
          <Panel title="新しい回復コード">
            <NewRecoveryCodes codes={newCodes} next={`${ROLE_HOME[role]}/security`} />
          </Panel>
        )}
        {status.enabledAt ? (
          <>
            <Panel title="2段階認証">
              <Notice tone="success">
                {formatDateTime(status.enabledAt)} から2段階認証を使っています。未使用の回復コード:{" "}
                {status.recoveryCodesLeft}個
              </Notice>
            </Panel>
            <Panel title="回復コードを作り直す">
              <p className="mb-3 text-sm text-gray-700">
                新しい回復コードを10個作ります。今の回復コードは使えなくなります。
              </p>
              <OneFieldForm {...CODE_FIELD} submitLabel="回復コードを作り直す" action={regenerateRecoveryCodesAction} />
            </Panel>
            {!status.required && (
              <Panel title="2段階認証を解除する">
                <OneFieldForm {...CODE_FIELD} submitLabel="解除する" action={disableSecondFactorAction} />
              </Panel>
            )}
          </>
        ) : (
          <Panel title="2段階認証を設定する">
            <p className="mb-4 text-sm text-gray-700">
              パスワードに加えて、スマートフォンの認証アプリの確認コードでログインするようにします。パスワードが漏れても、他の人はログインできません。
            </p>
            <EnrolmentForm userId={viewer.userId!} email={viewer.email} />
          </Panel>
        )}
      </div>
    </>
  );
}

async function EnrolmentForm({ userId, email }: Readonly<{ userId: string; email: string }>) {
  const { qrSvgDataUrl, secret, sealed } = await prepareEnrolment({ userId, email });
  return (
    <TwoFactorEnrolment qrSvgDataUrl={qrSvgDataUrl} secret={secret} sealed={sealed} action={confirmEnrolmentAction} />
  );
}
