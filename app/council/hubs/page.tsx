import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/viewer";
import { listHubReports } from "@/lib/data/hub-reports";
import { formatDateTime } from "@/lib/domain/wareki";
import { formatShare } from "@/lib/format";
import { share } from "@/lib/questionnaire/score";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { EmptyState } from "@/components/ui/notice";
import { ScrollRegion } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "在宅医療連携拠点" };

/** The hubs covering the council's zones and their self-assessments (read-only). */
export default async function CouncilHubsPage() {
  const viewer = await requireRole("council");
  const { cycle, hubs } = await listHubReports(viewer);
  return (
    <>
      <PageHeader title="在宅医療連携拠点の自己評価" description={cycle ? cycle.title : undefined} />
      {!cycle || hubs.length === 0 ? (
        <EmptyState title="この圏域を担当する拠点の自己評価はまだありません" />
      ) : (
        <Panel>
          <ScrollRegion label="在宅医療連携拠点の自己評価の一覧">
            <table className="w-full min-w-[44rem] text-sm">
              <thead>
                <tr className="border-b border-gray-200 text-left text-gray-500">
                  <th className="py-2 pr-3 font-normal">拠点</th>
                  <th className="py-2 pr-3 font-normal">担当する圏域</th>
                  <th className="py-2 pr-3 font-normal">提出</th>
                  <th className="py-2 pr-3 text-right font-normal">必須項目の実施</th>
                  <th className="py-2 text-right font-normal">望ましい項目の採用</th>
                </tr>
              </thead>
              <tbody>
                {hubs.map((hub) => (
                  <tr key={hub.id} className="border-b border-gray-100">
                    <td className="py-2 pr-3">
                      {hub.submission ? (
                        <Link href={`/council/hubs/${hub.submission.id}`} className="text-teal-800 underline">
                          {hub.name}
                        </Link>
                      ) : (
                        hub.name
                      )}
                    </td>
                    <td className="py-2 pr-3">{hub.zoneName}</td>
                    <td className="py-2 pr-3">
                      {hub.submission?.submittedAt
                        ? `第${hub.submission.revision}版（${formatDateTime(hub.submission.submittedAt)}）`
                        : "未提出"}
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">
                      {hub.submission?.scores
                        ? `${hub.submission.scores.total.required.met}/${hub.submission.scores.total.required.n}（${formatShare(share(hub.submission.scores.total.required))}）`
                        : "—"}
                    </td>
                    <td className="py-2 text-right tabular-nums">
                      {hub.submission?.scores ? formatShare(share(hub.submission.scores.total.desirable)) : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </Panel>
      )}
    </>
  );
}
