import { formatInteger } from "@/lib/format";
import { municipalityRows } from "@/lib/summaries/municipalities";
import { shareLegend } from "@/lib/summaries/shades";
import { type TNamedSummary } from "@/lib/summaries/types";
import { cx } from "@/components/ui/cx";
import { ShadeLegend } from "./legend";
import { shadeClass } from "./shade";
import { MIN_N_FOR_COMPARISON } from "@/lib/aggregation";
import { ScrollRegion } from "@/components/ui/scroll-region";

/** Municipalities of a zone (and the zone itself): reports, each function's 有り rate, 1号 per 10,000 aged 65+. */
export function MunicipalityTable({ groups, caption }: Readonly<{ groups: TNamedSummary[]; caption: string }>) {
  const { functions, rows } = municipalityRows(groups);
  return (
    <div>
      <ScrollRegion label={caption}>
        <table className="min-w-full border-separate border-spacing-0.5 text-sm" data-testid="municipality-table">
          <caption className="mb-2 text-left text-sm font-semibold text-gray-800">{caption}</caption>
          <thead>
            <tr className="text-gray-600">
              <th scope="col" className="px-2 py-1.5 text-left font-medium">
                市区町村
              </th>
              <th scope="col" className="px-2 py-1.5 text-right font-medium">
                対象
              </th>
              <th scope="col" className="px-2 py-1.5 text-right font-medium">
                報告数（n）
              </th>
              {functions.map((f) => (
                <th key={f.key} scope="col" className="px-2 py-1.5 text-center font-medium">
                  {f.shortLabel} 有り
                </th>
              ))}
              <th scope="col" className="px-2 py-1.5 text-right font-medium">
                1号 有り（65歳以上1万人あたり）
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.key} className={i === rows.length - 1 ? "font-semibold" : undefined}>
                <th scope="row" className="whitespace-nowrap px-2 py-1 text-left font-normal">
                  {r.name}
                </th>
                <td className="px-2 py-1 text-right tabular-nums">{formatInteger(r.respondents)}</td>
                <td className="px-2 py-1 text-right tabular-nums">{formatInteger(r.n)}</td>
                {r.functions.map((c, j) => (
                  <td
                    key={functions[j]!.key}
                    className={cx("rounded px-2 py-1 text-center tabular-nums", shadeClass(c.level))}
                  >
                    {c.text}
                    {c.lowN && (
                      <>
                        <span aria-hidden="true">※</span>
                        <span className="sr-only">（参考値）</span>
                      </>
                    )}
                    <span className="block text-[11px]">{c.detail}</span>
                  </td>
                ))}
                <td className="px-2 py-1 text-right tabular-nums">{r.per10k65}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <ShadeLegend items={shareLegend()} note={`※ 報告が${MIN_N_FOR_COMPARISON}件未満の参考値`} />
    </div>
  );
}
