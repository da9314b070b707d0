import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/viewer";
import { listCycles, listPublishedVersions } from "@/lib/data/cycles";
import { CYCLE_STATUS_LABELS } from "@/lib/domain/labels";
import { formatDeadline } from "@/lib/domain/wareki";
import { RESPONSE_STATUS_LABELS } from "@/lib/aggregation/status";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { EmptyState } from "@/components/ui/notice";
import { CycleForm } from "@/components/prefecture/cycle-form";
import { tdClass, thClass } from "@/components/prefecture/table-styles";
import { ScrollRegion } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "報告サイクル" };

export default async function CyclesPage() {
  const viewer = await requireRole("prefecture");
  const [cycles, versions] = await Promise.all([listCycles(viewer), listPublishedVersions()]);
  return (
    <>
      <PageHeader
        title="報告サイクル"
        description="年度ごとの報告（かかりつけ医機能報告・拠点の自己評価）の日程と受付を管理します。"
      />
      <div className="space-y-6">
        <Panel title="一覧">
          {cycles.length === 0 ? (
            <EmptyState title="報告サイクルはまだありません">下のフォームから作成してください。</EmptyState>
          ) : (
            <ScrollRegion label="報告サイクルの一覧">
              <table className="w-full min-w-[44rem] text-sm">
                <thead>
                  <tr>
                    <th className={thClass}>報告</th>
                    <th className={thClass}>状態</th>
                    <th className={thClass}>提出期限</th>
                    <th className={thClass}>対象</th>
                    <th className={thClass}>
                      {RESPONSE_STATUS_LABELS.NOT_STARTED}・{RESPONSE_STATUS_LABELS.DRAFT}
                    </th>
                    <th className={thClass}>{RESPONSE_STATUS_LABELS.SUBMITTED}</th>
                    <th className={thClass}>{RESPONSE_STATUS_LABELS.RETURNED}</th>
                    <th className={thClass}>{RESPONSE_STATUS_LABELS.CONFIRMED}</th>
                  </tr>
                </thead>
                <tbody>
                  {cycles.map((c) => (
                    <tr key={c.id}>
                      <td className={tdClass}>
                        <Link href={`/prefecture/cycles/${c.id}`} className="text-teal-800 underline">
                          {c.title}
                        </Link>
                        <div className="text-xs text-gray-500">{c.questionnaireVersion.label}</div>
                      </td>
                      <td className={tdClass}>{CYCLE_STATUS_LABELS[c.status]}</td>
                      <td className={tdClass}>{formatDeadline(c.closesAt)}</td>
                      <td className={tdClass}>{c.counts.total.toLocaleString("ja-JP")}</td>
                      <td className={tdClass}>{(c.counts.NOT_STARTED + c.counts.DRAFT).toLocaleString("ja-JP")}</td>
                      <td className={tdClass}>{c.counts.SUBMITTED.toLocaleString("ja-JP")}</td>
                      <td className={tdClass}>{c.counts.RETURNED.toLocaleString("ja-JP")}</td>
                      <td className={tdClass}>{c.counts.CONFIRMED.toLocaleString("ja-JP")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
        </Panel>
        <Panel title="新しい報告サイクル">
          <p className="mb-4 text-sm text-gray-600">
            作成しただけでは回答者に表示されません。日程を確かめてから、報告サイクルの画面で「受付を開始」してください。
          </p>
          <CycleForm versions={versions} />
        </Panel>
      </div>
    </>
  );
}
