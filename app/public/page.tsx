import Link from "next/link";
import type { Metadata } from "next";
import { listPublishedPrefectures } from "@/lib/data/public";
import { fiscalYearLabel } from "@/lib/domain/wareki";
import { publicCountText, publicDateText } from "@/lib/summaries/public";

export const metadata: Metadata = { title: "公表している都道府県" };

export default async function PublicHome() {
  const prefectures = await listPublishedPrefectures();
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">かかりつけ医機能の公表</h1>
      <p className="mb-6 text-gray-800">
        医療機関が報告し、都道府県が確認した「かかりつけ医機能」を都道府県ごとに公表しています。
        お住まいの地域で、在宅医療や時間外の診療などに対応する医療機関を探せます。
      </p>
      <h2 className="mb-3 text-lg font-semibold">公表している都道府県</h2>
      {prefectures.length === 0 ? (
        <p className="text-gray-700">現在、公表している都道府県はありません。</p>
      ) : (
        <ul className="space-y-3" data-testid="published-prefectures">
          {prefectures.map((p) => (
            <li key={p.code} className="rounded-md border border-gray-200 p-3">
              <Link href={`/public/${p.code}`} className="text-lg font-semibold text-teal-800 underline">
                {p.name}
              </Link>
              {p.isDemo && <span className="ml-2 text-sm text-amber-900">（架空のデモデータ）</span>}
              <ul className="mt-1 text-sm text-gray-700">
                {p.years.map((y) => (
                  <li key={y.fiscalYear}>
                    {fiscalYearLabel(y.fiscalYear)}: {publicCountText(y.institutions)}（{publicDateText(y.dataAsOf)}
                    時点）
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
