import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/viewer";
import { listQuestionnaireVersions } from "@/lib/data/questionnaires";
import { QUESTIONNAIRE_KIND_LABELS } from "@/lib/domain/labels";
import { fiscalYearLabel, formatDateTime } from "@/lib/domain/wareki";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { DefinitionUpload } from "@/components/admin/definition-upload";
import { ScrollRegion } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "調査票の版" };

const STATUS_LABELS = { DRAFT: "下書き", PUBLISHED: "公開中", RETIRED: "廃止" } as const;

export default async function QuestionnaireVersionsPage() {
  const viewer = await requireRole("admin");
  const versions = await listQuestionnaireVersions(viewer);
  return (
    <>
      <PageHeader
        title="調査票の版"
        description="調査票は版ごとのデータです。新しい版は定義ファイルを登録して公開します（公開後は変更できません）。コマンドでは npm run renkei -- publish-definition <file>。"
      />
      <Panel title="登録済みの版" className="mb-6">
        <ScrollRegion label="調査票の版の一覧">
          <table className="w-full min-w-[44rem] text-sm">
            <thead>
              <tr className="border-b border-gray-200 text-left text-gray-500">
                <th className="py-2 pr-3 font-normal">調査票</th>
                <th className="py-2 pr-3 font-normal">版</th>
                <th className="py-2 pr-3 font-normal">状態</th>
                <th className="py-2 pr-3 text-right font-normal">項目数</th>
                <th className="py-2 pr-3 text-right font-normal">暫定項目</th>
                <th className="py-2 pr-3 text-right font-normal">使用中のサイクル</th>
                <th className="py-2 font-normal">公開日時</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.id} className="border-b border-gray-100">
                  <td className="py-2 pr-3">
                    {QUESTIONNAIRE_KIND_LABELS[v.kind]}
                    <span className="ml-1 text-gray-500">{fiscalYearLabel(v.fiscalYear)}</span>
                  </td>
                  <td className="py-2 pr-3">
                    <Link href={`/admin/questionnaires/${v.id}`} className="text-teal-800 underline">
                      {v.label}
                    </Link>
                    <span className="block text-xs text-gray-500">{v.versionKey}</span>
                  </td>
                  <td className="py-2 pr-3">{STATUS_LABELS[v.status]}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{v.itemCount}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{v.provisionalCount}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{v._count.cycles}</td>
                  <td className="py-2">{v.publishedAt ? formatDateTime(v.publishedAt) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </Panel>
      <Panel title="新しい版を登録する">
        <p className="mb-3 text-sm text-gray-600">
          下書きとして登録すると、公開前に内容（暫定項目を含む）を確認できます。同じ versionKey
          の公開済みの版と内容が異なる場合は登録できません。
        </p>
        <DefinitionUpload />
      </Panel>
    </>
  );
}
