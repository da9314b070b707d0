import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/viewer";
import { listOfficers } from "@/lib/data/accounts";
import { prefectureName } from "@/lib/domain/prefectures";
import { formatDateTime } from "@/lib/domain/wareki";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { EmptyState } from "@/components/ui/notice";
import { ResetTwoFactorButton } from "@/components/auth/reset-two-factor-button";
import { tdClass, thClass } from "@/components/prefecture/table-styles";

export const metadata: Metadata = { title: "都道府県の担当者" };

/** Prefecture officer accounts, for the national administrator: second-factor status and reset. */
export default async function OfficersPage() {
  const viewer = await requireRole("admin");
  const officers = await listOfficers(viewer);
  return (
    <>
      <PageHeader
        title="都道府県の担当者"
        description="都道府県の担当者は2段階認証が必須です。スマートフォンと回復コードをなくした担当者は、ここでリセットできます。"
      />
      <Panel title="一覧">
        {officers.length === 0 ? (
          <EmptyState title="都道府県の担当者のアカウントはありません" />
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead>
                <tr>
                  <th className={thClass}>都道府県</th>
                  <th className={thClass}>メールアドレス</th>
                  <th className={thClass}>2段階認証</th>
                  <th className={thClass}>最終ログイン</th>
                  <th className={thClass}>
                    <span className="sr-only">操作</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {officers.map((o) => (
                  <tr key={o.id} className={o.isActive ? undefined : "bg-gray-50 text-gray-500"}>
                    <td className={tdClass}>{o.prefectureCode ? prefectureName(o.prefectureCode) : "—"}</td>
                    <td className={`${tdClass} break-all`}>
                      {o.email}
                      <span className="block text-xs text-gray-600">{o.name}</span>
                    </td>
                    <td className={tdClass}>
                      {o.totpEnabledAt
                        ? `設定済み（${formatDateTime(o.totpEnabledAt)}）`
                        : "未設定（次回ログイン時に設定）"}
                    </td>
                    <td className={tdClass}>{o.lastLoginAt ? formatDateTime(o.lastLoginAt) : "—"}</td>
                    <td className={tdClass}>
                      {o.totpEnabledAt && (
                        <ResetTwoFactorButton url={`/api/v1/admin/officers/${o.id}/reset-two-factor`} email={o.email} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
    </>
  );
}
