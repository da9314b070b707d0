import { ScrollRegion } from "@/components/ui/scroll-region";
import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/viewer";
import { listPublicationStatus } from "@/lib/data/publication";
import { fiscalYearLabel } from "@/lib/domain/wareki";
import { PUBLICATION_STATUS_LABELS, licenceOf, publicCountText, publicDateText } from "@/lib/summaries/public";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { EmptyState } from "@/components/ui/notice";

export const metadata: Metadata = { title: "公表の状況" };

/** The national administrator: which prefectures have published which year, and when. */
export default async function AdminPublicationPage() {
  const viewer = await requireRole("admin");
  const settings = await listPublicationStatus(viewer);
  return (
    <>
      <PageHeader title="公表の状況" description="都道府県ごとの、かかりつけ医機能報告の公表の状況です。" />
      {settings.length === 0 ? (
        <EmptyState title="公表の設定をした都道府県はまだありません" />
      ) : (
        <Panel>
          <ScrollRegion label="都道府県ごとの公表の状況">
            <table className="min-w-full text-sm" data-testid="publication-status-table">
              <thead>
                <tr className="border-b border-gray-300 text-left">
                  <th scope="col" className="py-1 pr-3">
                    都道府県
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    年度
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    状態
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    公表日
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    公表中のデータ
                  </th>
                  <th scope="col" className="py-1">
                    ライセンス
                  </th>
                </tr>
              </thead>
              <tbody>
                {settings.map((s) => (
                  <tr key={`${s.cycle.prefecture.code}-${s.cycle.fiscalYear}`} className="border-b border-gray-100">
                    <th scope="row" className="py-1 pr-3 text-left font-normal">
                      {s.status === "PUBLISHED" ? (
                        <Link href={`/public/${s.cycle.prefecture.code}`} className="text-teal-800 underline">
                          {s.cycle.prefecture.name}
                        </Link>
                      ) : (
                        s.cycle.prefecture.name
                      )}
                    </th>
                    <td className="py-1 pr-3">{fiscalYearLabel(s.cycle.fiscalYear)}</td>
                    <td className="py-1 pr-3">{PUBLICATION_STATUS_LABELS[s.status]}</td>
                    <td className="py-1 pr-3">{s.cycle.publishAt ? publicDateText(s.cycle.publishAt) : "—"}</td>
                    <td className="py-1 pr-3">
                      {s.liveRun
                        ? `${publicDateText(s.liveRun.dataAsOf)}時点・${publicCountText(s.liveRun.institutionCount)}`
                        : "—"}
                    </td>
                    <td className="py-1">{licenceOf(s.licence).name}</td>
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
