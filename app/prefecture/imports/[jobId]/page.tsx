import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/viewer";
import { getImportJob } from "@/lib/data/import-jobs";
import { isAppError } from "@/lib/errors";
import { ENCODING_LABELS } from "@/lib/import/decode";
import { formatDateTime } from "@/lib/domain/wareki";
import {
  formatOutcome,
  IMPORT_KIND_LABELS,
  IMPORT_STATUS_LABELS,
  type TImportKind,
} from "@/lib/prefecture/import-preview";
import { PageHeader } from "@/components/ui/page-header";
import { FactList, Panel } from "@/components/ui/panel";
import { Notice } from "@/components/ui/notice";
import { ImportPreviewView } from "@/components/prefecture/import-preview-view";
import { ImportJobPanel } from "@/components/prefecture/import-job-panel";

export const metadata: Metadata = { title: "取込の確認" };

const BACK: Record<TImportKind, { href: (cycleId: string | null) => string; label: string }> = {
  ROSTER: { href: () => "/prefecture/roster", label: "医療機関名簿へ戻る" },
  ZONES: { href: () => "/prefecture/zones", label: "圏域・人口へ戻る" },
  POPULATION: { href: () => "/prefecture/zones", label: "圏域・人口へ戻る" },
  NDB: { href: (id) => `/prefecture/cycles/${id}`, label: "報告サイクルへ戻る" },
  PAPER: { href: (id) => `/prefecture/cycles/${id}`, label: "報告サイクルへ戻る" },
};

export default async function ImportJobPage({ params }: Readonly<{ params: Promise<{ jobId: string }> }>) {
  const viewer = await requireRole("prefecture");
  const { jobId } = await params;
  const job = await getImportJob(viewer, jobId).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const preview = job.preview;
  const back = BACK[job.kind];
  const details = preview.details;
  const rejectedRows = preview.stats.dataRows - preview.stats.validRows;
  const partial =
    !preview.ok && preview.validRowsImportable ? { validRows: preview.stats.validRows, rejectedRows } : null;
  const statusLabel =
    job.status === "PREVIEWED" && !preview.ok
      ? partial
        ? "誤りのある行あり（正しい行だけ取り込めます）"
        : "誤りあり（反映できません）"
      : IMPORT_STATUS_LABELS[job.status];
  const format =
    preview.format === "xlsx"
      ? `Excel（.xlsx）${preview.sheetName ? `・シート「${preview.sheetName}」` : ""}`
      : preview.encoding
        ? `CSV・${ENCODING_LABELS[preview.encoding]}`
        : "—";

  return (
    <>
      <PageHeader
        title={`${IMPORT_KIND_LABELS[job.kind]}の取込`}
        eyebrow={
          <Link href={back.href(job.cycleId)} className="text-teal-800 underline">
            {back.label}
          </Link>
        }
        description={
          job.status !== "PREVIEWED"
            ? statusLabel
            : preview.ok
              ? "内容を確認してから「この内容で反映する」を押してください。まだ何も書き込まれていません。"
              : partial
                ? "誤りのある行があります。ファイルを直して読み込み直すか、正しい行だけを取り込めます。まだ何も書き込まれていません。"
                : "ファイルに誤りがあるため反映できません。何も書き込まれていません。"
        }
      />
      <div className="space-y-6">
        <Panel title="ファイル">
          <FactList
            items={[
              { label: "ファイル名", value: job.fileName },
              { label: "形式・文字コード", value: <span data-testid="detected-format">{format}</span> },
              {
                label: "データ行数",
                value: `${preview.stats.dataRows.toLocaleString("ja-JP")}行（うち正しい行 ${preview.stats.validRows.toLocaleString("ja-JP")}行）`,
              },
              { label: "サイズ", value: `${(job.fileSize / 1024).toFixed(1)} KB` },
              { label: "SHA-256", value: <code className="break-all text-xs">{job.fileSha256}</code> },
              { label: "読み込んだ人・日時", value: `${job.createdByEmail}・${formatDateTime(job.createdAt)}` },
              { label: "状態", value: <span data-testid="job-status">{statusLabel}</span> },
            ]}
          />
        </Panel>
        {job.status === "SUCCEEDED" && job.result && (
          <Notice tone="success" title="反映しました">
            {formatOutcome(job.result)}
            {job.finishedAt && `（${formatDateTime(job.finishedAt)}、${job.appliedByEmail ?? job.createdByEmail}）`}
            {job.result.rejected ? (
              <>
                {" "}
                <a className="text-teal-800 underline" href={`/api/v1/prefecture/imports/${job.id}/rejected`} download>
                  取り込まなかった行をダウンロード（理由つき）
                </a>
              </>
            ) : null}
          </Notice>
        )}
        {job.status === "FAILED" && (
          <Notice tone="error" title="反映できませんでした">
            {job.errorMessage}
          </Notice>
        )}
        {job.status === "DISCARDED" && <Notice>この取込は取り消されました。何も書き込まれていません。</Notice>}
        <ImportPreviewView preview={preview} />
        {(job.status === "PREVIEWED" || job.status === "QUEUED" || job.status === "RUNNING") && (
          <Panel title="反映">
            <ImportJobPanel
              jobId={job.id}
              kind={job.kind}
              status={job.status}
              canApply={(preview.ok || partial !== null) && job.status === "PREVIEWED"}
              missingCount={details?.kind === "ROSTER" ? details.counts.missing : 0}
              conflictCount={details?.kind === "PAPER" ? details.counts.conflicts : 0}
              partial={partial}
            />
          </Panel>
        )}
      </div>
    </>
  );
}
