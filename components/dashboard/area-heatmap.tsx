import Link from "next/link";
import { MIN_N_FOR_COMPARISON } from "@/lib/aggregation";
import { formatInteger } from "@/lib/format";
import { areaHeatmap } from "@/lib/summaries/heatmaps";
import { shareLegend } from "@/lib/summaries/shades";
import { type TNamedSummary } from "@/lib/summaries/types";
import { cx } from "@/components/ui/cx";
import { ShadeLegend } from "./legend";
import { shadeClass } from "./shade";
import { ScrollRegion } from "@/components/ui/scroll-region";

/**
 * Groups (zones, then the prefecture) × the 17 areas of 一次診療, as a table with shaded cells:
 * each cell prints its share and count/n, so the table is its own accessible alternative.
 */
export function AreaHeatmap({
  groups,
  caption,
  hrefOf,
}: Readonly<{ groups: TNamedSummary[]; caption: string; hrefOf?: (key: string) => string | null }>) {
  const map = areaHeatmap(groups);
  return (
    <div>
      <ScrollRegion label={caption}>
        <table className="min-w-full border-separate border-spacing-0.5 text-sm" data-testid="area-heatmap">
          <caption className="mb-2 text-left text-sm font-semibold text-gray-800">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="px-2 py-1.5 text-left font-medium text-gray-600">
                診療領域
              </th>
              {map.groups.map((g) => {
                const href = hrefOf?.(g.key) ?? null;
                return (
                  <th
                    key={g.key}
                    scope="col"
                    className="min-w-[6.5rem] px-2 py-1.5 text-center font-medium text-gray-700"
                  >
                    {href ? (
                      <Link href={href} className="text-teal-800 underline">
                        {g.name}
                      </Link>
                    ) : (
                      g.name
                    )}
                    <span className="block text-xs font-normal text-gray-500">n={formatInteger(g.asked)}</span>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {map.areas.map((a) => (
              <tr key={a.code}>
                <th scope="row" className="whitespace-nowrap px-2 py-1 text-left font-normal text-gray-800">
                  {a.label}
                </th>
                {a.cells.map((c, i) => (
                  <td
                    key={map.groups[i]!.key}
                    className={cx("rounded px-2 py-1 text-center tabular-nums", shadeClass(c.level))}
                    title={`${a.label}・${map.groups[i]!.name}: ${c.text}（${c.detail}）${c.lowN ? " ※参考値" : ""}`}
                    data-testid={`area-${a.code}-${map.groups[i]!.key}`}
                  >
                    <span className="block font-medium">
                      {c.text}
                      {c.lowN && (
                        <>
                          <span aria-hidden="true">※</span>
                          <span className="sr-only">（参考値）</span>
                        </>
                      )}
                    </span>
                    <span className="block text-[11px]">{c.detail}</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <ShadeLegend items={shareLegend()} note={`※ 報告が${MIN_N_FOR_COMPARISON}件未満の参考値`} />
    </div>
  );
}
