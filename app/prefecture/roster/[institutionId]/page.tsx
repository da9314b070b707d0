import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/viewer";
import { getInstitutionDetail } from "@/lib/data/roster";
import { listAuditEvents } from "@/lib/data/audit-log";
import { isAppError } from "@/lib/errors";
import { cycleTitle, INSTITUTION_KIND_LABELS, respondentStatusLabel } from "@/lib/domain/labels";
import { formatDateTime } from "@/lib/domain/wareki";
import { PageHeader } from "@/components/ui/page-header";
import { FactList, Panel } from "@/components/ui/panel";
import { ContactForm } from "@/components/prefecture/contact-form";
import { tdClass, thClass } from "@/components/prefecture/table-styles";

export const metadata: Metadata = { title: "医療機関" };

export default async function InstitutionPage({ params }: Readonly<{ params: Promise<{ institutionId: string }> }>) {
  const viewer = await requireRole("prefecture");
  const { institutionId } = await params;
  const detail = await getInstitutionDetail(viewer, institutionId).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { institution, zones, accounts, cycles } = detail;
  const events = await listAuditEvents(viewer, { entityType: "institution", entityId: institution.id, take: 20 });

  return (
    <>
      <PageHeader
        title={institution.name}
        eyebrow={
          <Link href="/prefecture/roster" className="text-teal-800 underline">
            医療機関名簿へ戻る
          </Link>
        }
        description={`医療機関コード ${institution.code}・${INSTITUTION_KIND_LABELS[institution.kind]}・${institution.municipality.name}${institution.isActive ? "" : "・無効"}`}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title="名簿の内容">
          <FactList
            items={[
              { label: "医療機関コード", value: <span className="font-mono">{institution.code}</span> },
              { label: "種別", value: INSTITUTION_KIND_LABELS[institution.kind] },
              { label: "病床数", value: institution.beds === null ? "—" : `${institution.beds}床` },
              { label: "郵便番号", value: institution.postalCode ?? "—" },
              { label: "住所", value: institution.address ?? "—" },
              { label: "市区町村", value: `${institution.municipality.name}（${institution.municipalityCode}）` },
              {
                label: "圏域",
                value: zones.length ? zones.map((z) => `${z.scheme.name}: ${z.name}`).join(" / ") : "—",
              },
              {
                label: "状態",
                value: institution.isActive ? "有効" : "無効（報告の対象外。提出済みの報告は集計に残ります）",
              },
            ]}
          />
          <p className="mt-3 text-xs text-gray-500">名称・種別・住所などは名簿の取込で更新します。</p>
        </Panel>
        <Panel title="連絡先">
          <ContactForm
            institutionId={institution.id}
            phone={institution.phone}
            contactEmail={institution.contactEmail}
          />
        </Panel>
        <Panel title="アカウント">
          {accounts.length === 0 ? (
            <p className="text-sm text-gray-600">
              アカウントはありません。
              <Link href="/prefecture/accounts" className="ml-1 text-teal-800 underline">
                アカウント画面
              </Link>
              で名簿から作成できます。
            </p>
          ) : (
            <ul className="space-y-1 text-sm">
              {accounts.map((a) => (
                <li key={a.id}>
                  {a.email}（{!a.isActive ? "無効" : a.hasPassword ? "利用中" : "パスワード未設定"}
                  {a.lastLoginAt ? `・最終ログイン ${formatDateTime(a.lastLoginAt)}` : ""}）
                </li>
              ))}
            </ul>
          )}
        </Panel>
        <Panel title="報告">
          <table className="w-full text-sm">
            <thead>
              <tr>
                <th className={thClass}>年度</th>
                <th className={thClass}>状況</th>
                <th className={thClass}>
                  <span className="sr-only">操作</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {cycles.map(({ cycle, submission }) => (
                <tr key={cycle.id}>
                  <td className={tdClass}>{cycleTitle(cycle)}</td>
                  <td className={tdClass}>{respondentStatusLabel(submission)}</td>
                  <td className={`${tdClass} text-right`}>
                    {submission && (
                      <Link href={`/prefecture/submissions/${submission.id}`} className="text-teal-800 underline">
                        内容を見る
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Panel>
        <Panel title="変更履歴" className="lg:col-span-2">
          {events.length === 0 ? (
            <p className="text-sm text-gray-600">記録はありません。</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {events.map((e) => (
                <li key={String(e.id)}>
                  {formatDateTime(e.at)} {e.summary ?? e.action}（{e.actorEmail ?? "システム"}）
                </li>
              ))}
            </ul>
          )}
          <Link
            href={`/prefecture/audit?entity=institution&entityId=${institution.id}`}
            className="mt-2 inline-block text-sm text-teal-800 underline"
          >
            監査ログで見る
          </Link>
        </Panel>
      </div>
    </>
  );
}
