import Link from "next/link";
import type { TViewer } from "@/lib/auth/viewer-types";
import { listCouncilRecords, listRecordYears, listRecordZones } from "@/lib/data/council-records";
import { listFollowUps } from "@/lib/data/council-follow-up";
import { fiscalYearLabel } from "@/lib/domain/wareki";
import { formatInteger } from "@/lib/format";
import { followUpRow, verdictCountsText } from "@/lib/summaries/council";
import { recordStatusText } from "@/lib/summaries/council-record";
import { Panel } from "@/components/ui/panel";
import { EmptyState } from "@/components/ui/notice";
import { tableClass, tdClass, thClass } from "./table-classes";

/**
 * Records by 年度, one row per zone (the council: its own zones; the officer: every zone side by
 * side, with last year's measures judged in this year's figures).
 */
export async function CouncilRecordsList({ viewer, basePath }: Readonly<{ viewer: TViewer; basePath: string }>) {
  const [years, zones, records] = await Promise.all([
    listRecordYears(viewer),
    listRecordZones(viewer),
    listCouncilRecords(viewer),
  ]);
  if (years.length === 0 || zones.length === 0)
    return (
      <EmptyState title="記録できる年度がありません">
        県がかかりつけ医機能報告の報告サイクルを作ると、年度ごとに記録できます。
      </EmptyState>
    );
  const byKey = new Map(records.map((r) => [`${r.zone.id}:${r.fiscalYear}`, r]));
  const showProgress = viewer.role === "prefecture" || viewer.role === "admin";
  return (
    <>
      {await Promise.all(
        years.map(async (year) => {
          const followUps = showProgress ? await listFollowUps(viewer, year) : new Map();
          return (
            <Panel key={year} title={fiscalYearLabel(year)} className="mb-5">
              <div className="overflow-x-auto">
                <table className={tableClass} data-testid={`council-records-${year}`}>
                  <thead>
                    <tr>
                      <th className={thClass}>圏域</th>
                      <th className={thClass}>記録</th>
                      <th className={thClass}>課題</th>
                      <th className={thClass}>対応策</th>
                      {showProgress && <th className={thClass}>前年度の対応策の進捗</th>}
                    </tr>
                  </thead>
                  <tbody>
                    {zones.map((zone) => {
                      const record = byKey.get(`${zone.id}:${year}`);
                      const followUp = followUps.get(zone.id);
                      return (
                        <tr key={zone.id} data-zone={zone.name}>
                          <td className={tdClass}>
                            <Link className="text-teal-800 underline" href={`${basePath}/${zone.id}/${year}`}>
                              {zone.name}
                            </Link>
                            <span className="block text-xs text-gray-600">{zone.scheme.name}</span>
                          </td>
                          <td className={tdClass}>{record ? recordStatusText(record.status) : "未作成"}</td>
                          <td className={tdClass}>
                            {record ? (
                              <ul>
                                {record.issues.map((i) => (
                                  <li key={i.id}>{i.title}</li>
                                ))}
                              </ul>
                            ) : (
                              "—"
                            )}
                          </td>
                          <td className={tdClass}>{record ? `${formatInteger(record.measures.length)}件` : "—"}</td>
                          {showProgress && (
                            <td className={tdClass} data-testid="follow-up-counts">
                              {followUp ? verdictCountsText(followUp.measures.map(followUpRow)) : "—"}
                            </td>
                          )}
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </Panel>
          );
        }),
      )}
    </>
  );
}
