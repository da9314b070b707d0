import { summaryQuery } from "@/lib/summaries/params";
import type { TKindFilter } from "@/lib/aggregation";
import { buttonClasses } from "@/components/ui/button";

export type TPacketFilter = { cycleId: string; schemeId: string; kind: TKindFilter; confirmedOnly: boolean };

export const zonePacketHref = (filter: TPacketFilter, zoneId: string) =>
  `/api/v1/pdf/packets/zone${summaryQuery({ ...filter, zoneId })}`;
export const prefectureSummaryHref = (filter: TPacketFilter) => `/api/v1/pdf/packets/prefecture${summaryQuery(filter)}`;

/** The zones of a scheme, each with its packet's download link (a plain link: no JavaScript needed). */
export function ZonePacketTable({
  filter,
  zones,
}: Readonly<{ filter: TPacketFilter; zones: { id: string; name: string; municipalities: string[] }[] }>) {
  return (
    <table className="w-full text-sm">
      <thead>
        <tr className="border-b border-gray-200 text-left text-gray-500">
          <th className="py-2 font-normal">圏域</th>
          <th className="py-2 font-normal">構成市町村</th>
          <th className="py-2 font-normal">
            <span className="sr-only">ダウンロード</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {zones.map((zone) => (
          <tr key={zone.id} className="border-b border-gray-100 align-top">
            <td className="py-2 pr-4 font-medium text-gray-900">{zone.name}</td>
            <td className="py-2 pr-4 text-gray-700">{zone.municipalities.join("、")}</td>
            <td className="py-2 text-right">
              <a
                href={zonePacketHref(filter, zone.id)}
                className={buttonClasses("secondary", "sm", "whitespace-nowrap")}
                data-testid={`zone-packet-${zone.name}`}
                aria-label={`${zone.name}の資料をダウンロード (PDF)`}
              >
                資料をダウンロード (PDF)
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
