import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/viewer";
import { getQuestionnaireVersion } from "@/lib/data/questionnaires";
import { QUESTIONNAIRE_KIND_LABELS } from "@/lib/domain/labels";
import { formatDateTime } from "@/lib/domain/wareki";
import { PageHeader } from "@/components/ui/page-header";
import { FactList, Panel } from "@/components/ui/panel";
import { Notice } from "@/components/ui/notice";
import { PublishButton } from "@/components/admin/definition-upload";
import { allItems, type TItem } from "@/lib/questionnaire/definition";
import { orNotFound } from "@/app/_shared/not-found";
import { referencePeriodLabel } from "@/lib/questionnaire/respondent-view";
import { ScrollRegion } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "調査票の版" };

const TYPE_LABELS: Record<TItem["type"], string> = {
  single: "単一選択",
  multi: "複数選択",
  yesno: "はい/いいえ",
  integer: "整数",
  decimal: "小数",
  text: "文字",
  date: "日付",
  partners: "連携医療機関",
  group: "繰り返し表",
};

/** A version as administrators check it: every item with its codes, source and provisional status. */
export default async function QuestionnaireVersionPage({
  params,
}: Readonly<{ params: Promise<{ versionId: string }> }>) {
  const viewer = await requireRole("admin");
  const version = await orNotFound(getQuestionnaireVersion(viewer, (await params).versionId));
  const def = version.definition;
  const items = allItems(def);
  const provisional = items.filter((i) => i.provisional);
  return (
    <>
      <PageHeader
        eyebrow={QUESTIONNAIRE_KIND_LABELS[version.kind]}
        title={version.label}
        actions={version.status === "DRAFT" ? <PublishButton versionId={version.id} /> : undefined}
      />
      <div className="mb-6 grid gap-5 lg:grid-cols-2">
        <Panel title="版の情報">
          <FactList
            items={[
              { label: "versionKey", value: <code>{version.versionKey}</code> },
              {
                label: "状態",
                value:
                  version.status === "PUBLISHED"
                    ? `公開中（${formatDateTime(version.publishedAt!)}）`
                    : version.status === "DRAFT"
                      ? "下書き（未公開）"
                      : "廃止",
              },
              {
                label: "前の版",
                value: def.previous
                  ? `${def.previous.versionKey}（対応付け ${Object.keys(def.previous.keyMap).length}項目` +
                    `${Object.keys(def.previous.codeMap ?? {}).length > 0 ? `、選択肢の対応付け ${Object.keys(def.previous.codeMap ?? {}).join("・")}` : ""}）`
                  : "なし",
              },
              {
                label: "項目",
                value: `${items.length}項目（暫定 ${provisional.length}、NDBプレプリント ${items.filter((i) => i.ndbPrefill).length}）`,
              },
              { label: "使用状況", value: `サイクル ${version._count.cycles}件・回答 ${version._count.submissions}件` },
              { label: "内容のハッシュ", value: <code className="break-all text-xs">{version.definitionSha256}</code> },
            ]}
          />
        </Panel>
        <Panel title="出典と注意">
          {def.source && <p className="text-sm">{def.source.ref}</p>}
          {def.notice && <p className="mt-2 text-sm text-gray-700">{def.notice}</p>}
          {def.respondentNotice && (
            <p className="mt-2 text-sm text-gray-700">
              <span className="font-medium">回答者への案内: </span>
              {def.respondentNotice}
            </p>
          )}
          {provisional.length > 0 && (
            <Notice tone="warning" className="mt-3">
              暫定項目 {provisional.length}件:
              マニュアルの文言・コードをそのまま確認できなかった項目です。公式資料で確認でき次第、新しい版で置き換えてください。
            </Notice>
          )}
        </Panel>
      </div>
      {def.sections.map((section) => (
        <Panel key={section.key} title={section.title} className="mb-5">
          {section.adminNote && <p className="mb-3 text-sm text-amber-900">管理者向けメモ: {section.adminNote}</p>}
          <ScrollRegion label="設問の一覧">
            <table className="w-full min-w-[44rem] text-sm">
              <thead>
                <tr className="border-b border-gray-200 text-left text-gray-500">
                  <th className="py-2 pr-3 font-normal">キー / 番号</th>
                  <th className="py-2 pr-3 font-normal">項目</th>
                  <th className="py-2 pr-3 font-normal">形式・選択肢</th>
                  <th className="py-2 font-normal">出典</th>
                </tr>
              </thead>
              <tbody>
                {section.items.map((item) => (
                  <tr
                    key={item.key}
                    className={`border-b border-gray-100 align-top ${item.provisional ? "bg-amber-50" : ""}`}
                    data-provisional={item.provisional || undefined}
                  >
                    <td className="py-2 pr-3">
                      <code className="text-xs">{item.key}</code>
                      {item.officialNo && <span className="block text-xs text-gray-500">{item.officialNo}</span>}
                    </td>
                    <td className="py-2 pr-3">
                      {item.label}
                      <span className="mt-1 flex flex-wrap gap-1">
                        {item.required && <Tag>必須</Tag>}
                        {item.star && <Tag>★</Tag>}
                        {item.ndbPrefill && <Tag>NDB</Tag>}
                        {item.basis && <Tag>{item.basis === "required" ? "⚫ 必須" : "◼ 望ましい"}</Tag>}
                        {item.provisional && <Tag tone="amber">暫定</Tag>}
                        {item.showProvisionalMark && <Tag tone="amber">回答者に「暫定」を表示</Tag>}
                      </span>
                      {item.provisionalNote && (
                        <span className="mt-1 block text-xs text-amber-900">{item.provisionalNote}</span>
                      )}
                      {(item.reference || item.period) && (
                        <span className="mt-1 block text-xs text-gray-500">
                          期間:{" "}
                          {item.reference
                            ? `${referencePeriodLabel(item.reference, def.fiscalYear)}（${item.reference}）`
                            : item.period}
                        </span>
                      )}
                    </td>
                    <td className="py-2 pr-3">
                      {TYPE_LABELS[item.type]}
                      {"options" in item && (
                        <ul className="mt-1 text-xs text-gray-700">
                          {item.options.map((o) => (
                            <li key={o.code} className={o.provisional ? "text-amber-900" : undefined}>
                              {o.code}: {o.label}
                              {o.provisional && "（暫定）"}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td className="py-2 text-xs text-gray-600">
                      {item.source?.ref ?? "—"}
                      {item.citation && <span className="mt-1 block">回答者向け: {item.citation}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </Panel>
      ))}
    </>
  );
}

function Tag({ children, tone = "gray" }: Readonly<{ children: React.ReactNode; tone?: "gray" | "amber" }>) {
  return (
    <span
      className={`rounded px-1.5 text-xs ${tone === "amber" ? "bg-amber-200 text-amber-950" : "bg-gray-100 text-gray-700"}`}
    >
      {children}
    </span>
  );
}
