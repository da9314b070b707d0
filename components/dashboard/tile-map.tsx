import Link from "next/link";
import { MIN_N_FOR_COMPARISON } from "@/lib/aggregation";
import type { TTileMap } from "@/lib/summaries/tile-map";
import { cx } from "@/components/ui/cx";
import { ShadeLegend } from "./legend";
import { shadeClass } from "./shade";
import { ScrollRegion } from "@/components/ui/scroll-region";

/**
 * The 47 prefectures as squares on a CSS grid (tile.col/row), each coloured by the chosen
 * indicator and printing its value and n; prefectures without a cycle are grey 「データなし」.
 * The same figures follow as a table (the accessible alternative), so the map itself is
 * presented as one labelled image-like group of links.
 */
export function TileMap({ map, hrefOf }: Readonly<{ map: TTileMap; hrefOf?: (cycleId: string) => string }>) {
  return (
    <div>
      <ScrollRegion label={`都道府県タイルマップ（${map.indicator.label}）`}>
        <ol
          className="grid gap-1"
          style={{
            gridTemplateColumns: `repeat(${map.cols}, minmax(4.25rem, 1fr))`,
            gridTemplateRows: `repeat(${map.rows}, 4.25rem)`,
          }}
          aria-label={`都道府県タイルマップ（${map.indicator.label}）`}
          data-testid="tile-map"
        >
          {map.tiles.map((t) => {
            const body = (
              <>
                <span className="block truncate text-[11px] font-semibold leading-tight">{t.name}</span>
                <span className="block text-xs font-bold leading-tight tabular-nums">
                  {t.text}
                  {t.lowN && "※"}
                </span>
                {t.nText && <span className="block text-[10px] leading-tight">{t.nText}</span>}
              </>
            );
            const label = `${t.name}: ${t.hasData ? `${t.text}（${t.nText}）` : "データなし"}`;
            return (
              <li
                key={t.code}
                style={{ gridColumnStart: t.col + 1, gridRowStart: t.row + 1 }}
                className={cx(
                  "flex flex-col justify-center rounded px-1 text-center ring-1 ring-inset ring-white",
                  shadeClass(t.hasData ? t.level : null),
                )}
                data-testid={`tile-${t.code}`}
                data-has-data={t.hasData ? "true" : "false"}
                title={label}
              >
                {t.cycleId && hrefOf ? (
                  // Named by what it shows (WCAG 2.5.3), then where it goes.
                  <Link href={hrefOf(t.cycleId)} className="block rounded focus-visible:outline-white">
                    {body}
                    <span className="sr-only">（県の集計を開く）</span>
                  </Link>
                ) : (
                  body
                )}
              </li>
            );
          })}
        </ol>
      </ScrollRegion>
      <ShadeLegend
        items={map.legend}
        label={`凡例（${map.indicator.label}）`}
        note={`※ 報告が${MIN_N_FOR_COMPARISON}件未満の参考値`}
      />
    </div>
  );
}
