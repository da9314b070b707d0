import type { Metadata } from "next";
import { fiscalYearLabel } from "@/lib/domain/wareki";
import { causeLines, measureRows, meetingText, recordTitle } from "@/lib/summaries/council-record";
import { formatWareki } from "@/lib/domain/wareki";
import { requirePublicRecord, type TPublicParams } from "./public-record";

export const metadata: Metadata = { title: "協議の場 協議の結果" };

/**
 * The published result of one zone's council for one 年度 (協議の結果公表シート, guideline p.26):
 * public, no sign-in; only records the council or the officer marked 公表 exist here.
 */
export default async function PublicCouncilRecordPage({ params }: Readonly<{ params: Promise<TPublicParams> }>) {
  const route = await params;
  const { record, prefectureName, isDemo } = await requirePublicRecord(route);
  const rows = measureRows(record);
  const base = `/public/${route.prefCode}/councils/${route.zoneCode}/${route.fiscalYear}`;
  return (
    <div className="text-gray-900">
      <p className="text-sm text-gray-700">
        {prefectureName}　{fiscalYearLabel(record.fiscalYear)}
      </p>
      <h1 className="mb-2 text-2xl font-bold">{recordTitle(record.zone.name, record.fiscalYear)}</h1>
      <p className="mb-4 text-sm text-gray-700">
        {record.zone.schemeName}・公表日 {record.publishedAt ? formatWareki(new Date(record.publishedAt)) : "—"}
      </p>
      {isDemo && (
        <p className="mb-4 rounded-md border border-red-300 bg-red-50 p-3 text-sm font-semibold text-red-800">
          架空のデモデータ: この圏域の協議内容・数値は画面の確認用に作ったものです。
        </p>
      )}
      <p className="mb-6 flex flex-wrap gap-3 text-sm">
        <a className="text-teal-800 underline" href={`${base}/pdf`}>
          PDFをダウンロード
        </a>
        <a className="text-teal-800 underline" href={`${base}/csv`}>
          CSVをダウンロード
        </a>
      </p>
      <section className="mb-6">
        <h2 className="mb-2 text-lg font-semibold">① 協議の場の開催状況</h2>
        {record.meetings.length === 0 ? (
          <p className="text-sm">開催の記録はありません。</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {record.meetings.map((m, i) => (
              <li key={i}>{meetingText(m)}</li>
            ))}
          </ul>
        )}
      </section>
      <section className="mb-6">
        <h2 className="mb-2 text-lg font-semibold">② 目指す姿</h2>
        <p className="text-sm">{record.vision || "（記録なし）"}</p>
      </section>
      <section className="mb-6">
        <h2 className="mb-2 text-lg font-semibold">③ 課題と ④ 原因の分析</h2>
        <ol className="space-y-3 text-sm">
          {record.issues.map((issue) => (
            <li key={issue.id} className="rounded-md border border-gray-200 p-3">
              <p className="font-medium">{issue.title}</p>
              <p className="text-gray-700">根拠とした指標: {issue.indicatorLabels.join("、") || "—"}</p>
              {causeLines(issue).map((c) => (
                <p key={c.party}>
                  原因（{c.party}）: {c.text}
                </p>
              ))}
            </li>
          ))}
        </ol>
      </section>
      <section className="mb-6">
        <h2 className="mb-2 text-lg font-semibold">⑤ 対応策と担当</h2>
        <ul className="space-y-3 text-sm" data-testid="public-measures">
          {rows.map((r) => (
            <li key={r.id} className="rounded-md border border-gray-200 p-3">
              <p className="font-medium">{r.measure}</p>
              <p className="text-gray-700">
                課題: {r.issue}　担当: {r.owner}　時期: {r.period}　状況: {r.status}
              </p>
              <p className="text-gray-700">
                確認する指標: {r.indicator}　基準値: {r.baseline || "—"}　目標: {r.target}
              </p>
            </li>
          ))}
        </ul>
      </section>
      <p className="text-xs text-gray-700">
        基準値は対応策を決めた時点の圏域の値です。翌年度の協議で、基準値から翌年度の値への変化と目標を比べて効果を確かめます。
      </p>
    </div>
  );
}
