import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/viewer";
import { listMunicipalities, listZoneSchemes } from "@/lib/data/zones";
import { listImportJobs } from "@/lib/data/import-jobs";
import { ZONE_SCHEME_KIND_LABELS } from "@/lib/domain/labels";
import { formatInteger, formatRate } from "@/lib/format";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { EmptyState } from "@/components/ui/notice";
import { ActionButton } from "@/components/prefecture/action-button";
import { FileImportForm } from "@/components/prefecture/file-import-form";
import { RecentImports } from "@/components/prefecture/recent-imports";
import { tdClass, thClass } from "@/components/prefecture/table-styles";
import { ScrollRegion } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "圏域・人口" };

export default async function ZonesPage() {
  const viewer = await requireRole("prefecture");
  const [schemes, municipalities, jobs] = await Promise.all([
    listZoneSchemes(viewer),
    listMunicipalities(viewer),
    listImportJobs(viewer, { kinds: ["ZONES", "POPULATION"], take: 6 }),
  ]);
  const name = new Map(municipalities.map((m) => [m.code, m.name]));

  return (
    <>
      <PageHeader
        title="圏域・人口"
        description="協議の場の単位（二次医療圏・在宅医療の圏域など）と、市区町村の人口です。ダッシュボードと資料は既定の区分を最初に使います。"
      />
      <div className="space-y-6">
        {schemes.length === 0 && (
          <EmptyState title="圏域はまだありません">下の「圏域の取込」から登録してください。</EmptyState>
        )}
        {schemes.map((scheme) => (
          <Panel
            key={scheme.id}
            title={`${scheme.name}（${ZONE_SCHEME_KIND_LABELS[scheme.kind]}）${scheme.isDefault ? " — 既定の区分" : ""}`}
            actions={
              !scheme.isDefault ? (
                <ActionButton url={`/api/v1/prefecture/zone-schemes/${scheme.id}/default`} size="sm">
                  既定の区分にする
                </ActionButton>
              ) : undefined
            }
          >
            <table className="w-full text-sm">
              <thead>
                <tr>
                  <th className={thClass}>圏域コード</th>
                  <th className={thClass}>圏域名</th>
                  <th className={thClass}>市区町村</th>
                  <th className={thClass}>拠点</th>
                  <th className={thClass}>協議の場のアカウント</th>
                </tr>
              </thead>
              <tbody>
                {scheme.zones.map((zone) => (
                  <tr key={zone.id}>
                    <td className={`${tdClass} font-mono`}>{zone.code}</td>
                    <td className={tdClass}>{zone.name}</td>
                    <td className={tdClass}>{zone.municipalities.map((m) => m.municipality.name).join("、") || "—"}</td>
                    <td className={tdClass}>{zone._count.hubs}</td>
                    <td className={tdClass}>{zone._count.councilUsers}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {(() => {
              const covered = new Set(scheme.zones.flatMap((z) => z.municipalities.map((m) => m.municipality.code)));
              const missing = municipalities.filter((m) => !covered.has(m.code));
              return missing.length > 0 ? (
                <p className="mt-2 text-xs text-amber-800">
                  どの圏域にも入っていない市区町村: {missing.map((m) => name.get(m.code)).join("、")}
                </p>
              ) : null;
            })()}
          </Panel>
        ))}

        <Panel title="市区町村の人口">
          <ScrollRegion label="市区町村と人口の一覧">
            <table className="w-full min-w-[44rem] text-sm">
              <thead>
                <tr>
                  <th className={thClass}>市区町村コード</th>
                  <th className={thClass}>市区町村</th>
                  <th className={`${thClass} text-right`}>総人口</th>
                  <th className={`${thClass} text-right`}>65歳以上</th>
                  <th className={`${thClass} text-right`}>75歳以上</th>
                  <th className={`${thClass} text-right`}>高齢化率</th>
                  <th className={thClass}>出典</th>
                  <th className={thClass}>基準年</th>
                  <th className={`${thClass} text-right`}>医療機関</th>
                </tr>
              </thead>
              <tbody>
                {municipalities.map((m) => (
                  <tr key={m.code}>
                    <td className={`${tdClass} font-mono`}>{m.code}</td>
                    <td className={tdClass}>{m.name}</td>
                    <td className={`${tdClass} text-right`}>{formatInteger(m.populationTotal)}</td>
                    <td className={`${tdClass} text-right`}>{formatInteger(m.population65)}</td>
                    <td className={`${tdClass} text-right`}>{formatInteger(m.population75)}</td>
                    <td className={`${tdClass} text-right`}>
                      {m.populationTotal && m.population65 !== null
                        ? formatRate(m.population65, m.populationTotal)
                        : "—"}
                    </td>
                    <td className={tdClass}>{m.populationSource ?? "—"}</td>
                    <td className={tdClass}>{m.populationYear ?? "—"}</td>
                    <td className={`${tdClass} text-right`}>{formatInteger(m._count.institutions)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </Panel>

        <div className="grid gap-6 lg:grid-cols-2">
          <Panel title="圏域の取込">
            <FileImportForm
              kind="ZONES"
              label="圏域のファイル"
              hint="列: 区分名・圏域コード・圏域名・市区町村コード（・市区町村名）。1行に1市区町村。"
            />
            <p className="mt-2 text-xs text-gray-600">
              ファイルにある区分は、ファイルの内容に置き換わります（ない圏域は削除。拠点や協議の場が使う圏域は削除できません）。ファイルにない区分は変わりません。{" "}
              <a href="/api/v1/prefecture/templates/ZONES" className="text-teal-800 underline" download>
                様式（CSV）
              </a>
            </p>
          </Panel>
          <Panel title="人口の取込">
            <FileImportForm
              kind="POPULATION"
              label="人口のファイル"
              hint="列: 市区町村コード・（市区町村名）・総人口・65歳以上人口・75歳以上人口・出典・基準年。"
            />
            <p className="mt-2 text-xs text-gray-600">
              ファイルにない市区町村の人口は変わりません。{" "}
              <a href="/api/v1/prefecture/templates/POPULATION" className="text-teal-800 underline" download>
                様式（CSV）
              </a>
            </p>
          </Panel>
        </div>
        <Panel title="最近の取込">
          <RecentImports jobs={jobs} />
        </Panel>
      </div>
    </>
  );
}
