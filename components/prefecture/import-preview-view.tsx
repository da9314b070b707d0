import type { ReactNode } from "react";
import type { TImportIssue } from "@/lib/import/issues";
import type { TFieldChange, TImportDetails, TImportPreview } from "@/lib/prefecture/import-preview";
import { PREVIEW_LIST_LIMIT } from "@/lib/prefecture/import-preview";
import { Notice } from "@/components/ui/notice";
import { Panel } from "@/components/ui/panel";
import { ScrollRegion } from "@/components/ui/scroll-region";

const n = (value: number) => value.toLocaleString("ja-JP");

function Count({
  label,
  value,
  tone = "gray",
  testId,
}: Readonly<{ label: string; value: number; tone?: "gray" | "teal" | "amber" | "red"; testId?: string }>) {
  const tones = {
    gray: "bg-gray-50 text-gray-900",
    teal: "bg-teal-50 text-teal-900",
    amber: "bg-amber-50 text-amber-950",
    red: "bg-red-50 text-red-900",
  };
  return (
    <div className={`rounded-md px-4 py-3 ${tones[tone]}`} data-testid={testId}>
      <p className="text-xs">{label}</p>
      <p className="text-2xl font-bold">{n(value)}</p>
    </div>
  );
}

function Table({
  caption,
  head,
  children,
  total,
  shown,
}: Readonly<{ caption: string; head: string[]; children: ReactNode; total: number; shown: number }>) {
  return (
    <details className="rounded-md border border-gray-200" open={total <= 50}>
      <summary className="cursor-pointer px-4 py-2 text-sm font-semibold text-gray-900">
        {caption}（{n(total)}件）
      </summary>
      <ScrollRegion label={caption} className="max-h-[32rem] overflow-y-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="sticky top-0 bg-gray-50 text-left text-gray-600">
            <tr>
              {head.map((h) => (
                <th key={h} scope="col" className="px-3 py-2 font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </ScrollRegion>
      {total > shown && (
        <p className="px-4 py-2 text-xs text-gray-600">
          先頭の {n(shown)}件を表示しています（ほか {n(total - shown)}件）。
        </p>
      )}
    </details>
  );
}

const td = "border-t border-gray-100 px-3 py-1.5 align-top";

type TColumn<T> = { head: string; cell: (row: T) => ReactNode; mono?: boolean };

/** A list of planned changes, one row each; nothing when the list is empty. */
function RowTable<T>({
  caption,
  rows,
  total,
  columns,
  rowKey,
}: Readonly<{
  caption: string;
  rows: readonly T[];
  total: number;
  columns: readonly TColumn<T>[];
  rowKey: (row: T) => string;
}>) {
  if (rows.length === 0) return null;
  return (
    <Table caption={caption} head={columns.map((c) => c.head)} total={total} shown={rows.length}>
      {rows.map((row) => (
        <tr key={rowKey(row)}>
          {columns.map((c) => (
            <td key={c.head} className={c.mono ? `${td} font-mono` : td}>
              {c.cell(row)}
            </td>
          ))}
        </tr>
      ))}
    </Table>
  );
}

// The columns most lists start with: the file's line, then the institution.
const LINE: TColumn<{ line: number }> = { head: "行", cell: (r) => r.line };
const INSTITUTION: readonly TColumn<{ code: string; name: string }>[] = [
  { head: "医療機関コード", cell: (r) => r.code, mono: true },
  { head: "名称", cell: (r) => r.name },
];
const CHANGES: TColumn<{ changes: readonly TFieldChange[] }> = {
  head: "変更内容（変更前 → 変更後）",
  cell: (r) => <ChangeList changes={r.changes} />,
};
const byCode = (row: { code: string }) => row.code;

export function IssueTable({ issues, caption }: Readonly<{ issues: TImportIssue[]; caption: string }>) {
  if (issues.length === 0) return null;
  return (
    <Table caption={caption} head={["行", "列", "内容"]} total={issues.length} shown={issues.length}>
      {issues.map((issue, i) => (
        <tr key={i}>
          <td className={`${td} whitespace-nowrap`}>{issue.line === null ? "ファイル全体" : `${issue.line}行目`}</td>
          <td className={`${td} whitespace-nowrap`}>{issue.column ?? "—"}</td>
          <td className={td}>{issue.message}</td>
        </tr>
      ))}
    </Table>
  );
}

function Details({ details }: Readonly<{ details: TImportDetails }>) {
  switch (details.kind) {
    case "ROSTER":
      return (
        <div className="space-y-4">
          <div className="grid gap-3 sm:grid-cols-4">
            <Count label="新規" value={details.counts.creates} tone="teal" testId="count-creates" />
            <Count label="変更あり" value={details.counts.updates} tone="amber" testId="count-updates" />
            <Count label="変更なし" value={details.counts.unchanged} testId="count-unchanged" />
            <Count
              label="ファイルにない医療機関"
              value={details.counts.missing}
              tone={details.counts.missing > 0 ? "red" : "gray"}
              testId="count-missing"
            />
          </div>
          <p className="text-xs text-gray-600">
            ファイルにある列: {details.presentFields.length}
            列。ファイルにない列の項目（電話・メールなど）は変更しません。空欄のセルは値を消します。
          </p>
          <RowTable
            caption="新規に追加される医療機関"
            rows={details.creates}
            total={details.counts.creates}
            rowKey={byCode}
            columns={[
              LINE,
              ...INSTITUTION,
              { head: "種別", cell: (c) => c.kindLabel },
              { head: "市区町村", cell: (c) => c.municipality },
            ]}
          />
          <RowTable
            caption="内容が変わる医療機関"
            rows={details.updates}
            total={details.counts.updates}
            rowKey={byCode}
            columns={[LINE, ...INSTITUTION, CHANGES]}
          />
          <RowTable
            caption="ファイルにない医療機関（有効なもの）"
            rows={details.missing}
            total={details.counts.missing}
            rowKey={byCode}
            columns={[...INSTITUTION, { head: "市区町村", cell: (m) => m.municipality }]}
          />
        </div>
      );
    case "ZONES":
      return (
        <div className="space-y-4">
          <div className="grid gap-3 sm:grid-cols-4">
            <Count label="新しい圏域" value={details.counts.zonesNew} tone="teal" />
            <Count label="変更あり" value={details.counts.zonesChanged} tone="amber" />
            <Count label="変更なし" value={details.counts.zonesUnchanged} />
            <Count
              label="削除される圏域"
              value={details.counts.zonesRemoved}
              tone={details.counts.zonesRemoved > 0 ? "red" : "gray"}
            />
          </div>
          {details.schemes.map((scheme) => (
            <Table
              key={scheme.name}
              caption={`${scheme.name}（${scheme.kindLabel}${scheme.isNew ? "・新しい区分" : ""}）`}
              head={["圏域コード", "圏域名", "変更", "市区町村"]}
              total={scheme.zones.length}
              shown={scheme.zones.length}
            >
              {scheme.zones.map((z) => (
                <tr key={z.code}>
                  <td className={`${td} font-mono`}>{z.code}</td>
                  <td className={td}>{z.name}</td>
                  <td className={td}>
                    {z.change === "new"
                      ? "新規"
                      : z.change === "renamed"
                        ? `名称変更（${z.previousName} → ${z.name}）`
                        : z.change === "members"
                          ? "市区町村の変更"
                          : "変更なし"}
                  </td>
                  <td className={td}>{z.municipalities.join("、")}</td>
                </tr>
              ))}
              {scheme.removedZones.map((z) => (
                <tr key={`removed-${z.code}`} className="bg-red-50">
                  <td className={`${td} font-mono`}>{z.code}</td>
                  <td className={td}>{z.name}</td>
                  <td className={td}>削除（ファイルにないため）</td>
                  <td className={td}>—</td>
                </tr>
              ))}
            </Table>
          ))}
        </div>
      );
    case "POPULATION":
      return (
        <div className="space-y-4">
          <div className="grid gap-3 sm:grid-cols-2">
            <Count label="更新" value={details.counts.updates} tone="amber" />
            <Count label="変更なし" value={details.counts.unchanged} />
          </div>
          <RowTable
            caption="人口が変わる市区町村"
            rows={details.updates}
            total={details.counts.updates}
            rowKey={byCode}
            columns={[
              LINE,
              { head: "市区町村コード", cell: (u) => u.code, mono: true },
              { head: "市区町村", cell: (u) => u.name },
              CHANGES,
            ]}
          />
        </div>
      );
    case "NDB":
      return (
        <div className="space-y-4">
          <p className="text-sm text-gray-700">{details.cycleLabel}</p>
          <div className="grid gap-3 sm:grid-cols-4">
            <Count label="新規" value={details.counts.creates} tone="teal" />
            <Count label="値の変更" value={details.counts.updates} tone="amber" />
            <Count label="変更なし" value={details.counts.unchanged} />
            <Count label="名簿にないため対象外" value={details.counts.skipped} />
          </div>
          <RowTable
            caption="値が変わる項目"
            rows={details.updates}
            total={details.counts.updates}
            rowKey={(u) => `${u.code}-${u.itemKey}`}
            columns={[
              LINE,
              ...INSTITUTION,
              { head: "項目キー", cell: (u) => u.itemKey, mono: true },
              {
                head: "変更前 → 変更後",
                cell: (u) => (
                  <>
                    {n(u.before)} → <strong>{n(u.after)}</strong>
                  </>
                ),
              },
            ]}
          />
        </div>
      );
    case "PAPER":
      return (
        <div className="space-y-4">
          <p className="text-sm text-gray-700">{details.cycleLabel}</p>
          <div className="grid gap-3 sm:grid-cols-4">
            <Count label="新規の報告" value={details.counts.creates} tone="teal" />
            <Count label="更新（新しい版）" value={details.counts.updates} tone="amber" />
            <Count
              label="Web で報告済み"
              value={details.counts.conflicts}
              tone={details.counts.conflicts > 0 ? "red" : "gray"}
            />
            <Count label="変更なし" value={details.counts.unchanged} />
          </div>
          <RowTable
            caption="新規の報告"
            rows={details.creates}
            total={details.counts.creates}
            rowKey={byCode}
            columns={[LINE, ...INSTITUTION]}
          />
          <RowTable
            caption="紙の報告の更新"
            rows={details.updates}
            total={details.counts.updates}
            rowKey={byCode}
            columns={[
              LINE,
              ...INSTITUTION,
              { head: "新しい版", cell: (u) => `第${u.revision}版` },
              { head: "変わる項目", cell: (u) => `${n(u.changedItems)}項目` },
            ]}
          />
          <RowTable
            caption="Web で報告済みの医療機関（上書きには明示的な指定が必要）"
            rows={details.conflicts}
            total={details.counts.conflicts}
            rowKey={byCode}
            columns={[LINE, ...INSTITUTION, { head: "現在の状況", cell: (c) => `${c.status}（第${c.revision}版）` }]}
          />
        </div>
      );
  }
}

/** What a checked file would change, with its errors and warnings. Data-free. */
export function ImportPreviewView({ preview }: Readonly<{ preview: TImportPreview }>) {
  return (
    <div className="space-y-4">
      {!preview.ok && (
        <Notice tone="error" title={`このファイルは取り込めません（誤り ${n(preview.stats.errorCount)}件）`}>
          誤りをすべて直してから、もう一度読み込んでください。1件でも誤りがあると、ファイル全体を取り込みません（一部だけが反映されることはありません）。
        </Notice>
      )}
      <Panel title={preview.ok ? "変更内容" : "誤りのある箇所"}>
        {preview.details && <Details details={preview.details} />}
        <div className="mt-4 space-y-3">
          <IssueTable issues={preview.errors} caption="誤り" />
          <IssueTable issues={preview.warnings} caption="確認してほしい点（取込はできます）" />
        </div>
        {preview.ok && preview.errors.length === 0 && preview.warnings.length === 0 && !preview.details && (
          <p className="text-sm">変更はありません。</p>
        )}
        <p className="mt-3 text-xs text-gray-500">
          一覧は各 {n(PREVIEW_LIST_LIMIT)}件まで表示します。件数はすべて数えています。
        </p>
      </Panel>
    </div>
  );
}

/** A row's field changes, "label: before → after". */
function ChangeList({ changes }: Readonly<{ changes: readonly TFieldChange[] }>) {
  return (
    <ul>
      {changes.map((c) => (
        <li key={c.field}>
          <span className="text-gray-600">{c.label}:</span> {c.before} → <strong>{c.after}</strong>
        </li>
      ))}
    </ul>
  );
}
