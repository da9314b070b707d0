import { ScrollRegion } from "@/components/ui/scroll-region";
import type { Metadata } from "next";
import { fiscalYearLabel } from "@/lib/domain/wareki";
import type { TSearchParams } from "@/lib/search-params";
import { licenceOf, publicDateText } from "@/lib/summaries/public";
import {
  LIST_SEPARATOR,
  OPEN_DATA_FILES,
  OPEN_DATA_TABLES,
  OPEN_DATA_TABLE_KEYS,
} from "@/lib/summaries/public-open-data";
import { Breadcrumbs } from "@/components/public/public-shell";
import { DataDate } from "@/components/public/data-date";
import { livePublicationOr404, withYear } from "../../_shared/live";

export const metadata: Metadata = { title: "オープンデータ" };

const TYPE_LABELS = {
  string: "文字列",
  integer: "整数",
  number: "数値（小数を含む）",
  boolean: "真偽値（true/false）",
  date: "日付",
  list: "一覧（| 区切り）",
};

type TProps = Readonly<{ params: Promise<{ prefCode: string }>; searchParams: Promise<TSearchParams> }>;

export default async function PublicOpenDataPage({ params, searchParams }: TProps) {
  const { prefCode } = await params;
  const { live, yearParam } = await livePublicationOr404(prefCode, await searchParams);
  const licence = licenceOf(live.licence);
  const files = `/api/v1/public/${live.prefectureCode}/open-data/${live.fiscalYear}`;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/public", label: "公表トップ" },
          { href: withYear(`/public/${live.prefectureCode}`, yearParam), label: live.prefectureName },
          { label: "オープンデータ" },
        ]}
      />
      <h1 className="mb-2 text-2xl font-bold">
        オープンデータ（{live.prefectureName}・{fiscalYearLabel(live.fiscalYear)}）
      </h1>
      <DataDate live={live} />
      <section className="mb-6" aria-labelledby="licence-heading">
        <h2 id="licence-heading" className="mb-2 text-lg font-semibold">
          ライセンス
        </h2>
        <p data-testid="licence">
          <a href={licence.url} className="text-teal-800 underline" rel="license">
            {licence.name}
          </a>
        </p>
        <p className="text-sm text-gray-800">
          {licence.attribution}出典の例:「{live.prefectureName} かかりつけ医機能報告 公表データ（
          {fiscalYearLabel(live.fiscalYear)}、{publicDateText(live.dataAsOf)}時点）」
        </p>
      </section>
      <section className="mb-6" aria-labelledby="files-heading">
        <h2 id="files-heading" className="mb-2 text-lg font-semibold">
          ファイル
        </h2>
        <p className="mb-2 text-sm text-gray-800">
          URL は年度ごとに変わりません。公表が更新されると、同じ URL の内容が新しくなります。CSV（UTF-8）は BOM 付き、
          区切りはカンマ、改行は CRLF です。JSON の records は CSV の行と同じ内容です。
        </p>
        <ul className="space-y-1" data-testid="open-data-files">
          {OPEN_DATA_FILES.map((f) => (
            <li key={f.file}>
              <a href={`${files}/${f.file}`} className="text-teal-800 underline">
                {OPEN_DATA_TABLES[f.table].title}（{f.label}）
              </a>
              <span className="ml-2 break-all text-xs text-gray-700">{`${files}/${f.file}`}</span>
            </li>
          ))}
        </ul>
        <p className="mt-2 text-sm text-gray-800">
          JSON API（ページ送り）:{" "}
          <code className="break-all">{`/api/v1/public/${live.prefectureCode}/institutions?page=1&year=${live.fiscalYear}`}</code>
        </p>
      </section>
      {OPEN_DATA_TABLE_KEYS.map((table) => (
        <section key={table} id={`schema-${table}`} className="mb-6" aria-labelledby={`schema-${table}-heading`}>
          <h2 id={`schema-${table}-heading`} className="mb-2 text-lg font-semibold">
            項目の説明: {OPEN_DATA_TABLES[table].title}
          </h2>
          {table === "councils" && (
            <p className="mb-2 text-sm text-gray-800">
              圏域の協議の場が「公表」とした{fiscalYearLabel(live.fiscalYear)}
              の協議の結果（国の指針の協議の結果公表シートの①〜⑤）を、対応策ごとに1行で載せます。各圏域の結果は「協議の結果」のページでも見られます。
            </p>
          )}
          <ScrollRegion label={`${OPEN_DATA_TABLES[table].title}の項目`}>
            <table className="min-w-full text-sm">
              <thead>
                <tr className="border-b border-gray-300 text-left">
                  <th scope="col" className="py-1 pr-3">
                    CSV の見出し
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    JSON のキー
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    型
                  </th>
                  <th scope="col" className="py-1">
                    説明
                  </th>
                </tr>
              </thead>
              <tbody>
                {OPEN_DATA_TABLES[table].columns.map((c) => (
                  <tr key={c.key} className="border-b border-gray-100 align-top">
                    <td className="py-1 pr-3">{c.header}</td>
                    <td className="py-1 pr-3">
                      <code>{c.key}</code>
                    </td>
                    <td className="py-1 pr-3">{TYPE_LABELS[c.type]}</td>
                    <td className="py-1">{c.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </section>
      ))}
      <p className="text-xs text-gray-700">一覧の区切り文字: {LIST_SEPARATOR}</p>
    </>
  );
}
