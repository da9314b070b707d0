import Link from "next/link";
import { notFound } from "next/navigation";
import type { TViewer } from "@/lib/auth/viewer-types";
import { getCouncilRecord } from "@/lib/data/council-records";
import { getRecordIndicatorChoices } from "@/lib/data/council-follow-up";
import { isAppError } from "@/lib/errors";
import { INDICATOR_GROUP_LABELS, findIndicator } from "@/lib/aggregation";
import { fiscalYearLabel } from "@/lib/domain/wareki";
import { causeLines, measureRows, meetingText, recordStatusText } from "@/lib/summaries/council-record";
import { readingText } from "@/lib/summaries/texts";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { EmptyState } from "@/components/ui/notice";
import { buttonClasses } from "@/components/ui/button";
import { RecordHeaderForm } from "@/components/council/record-header-form";
import { IssueForm } from "@/components/council/issue-form";
import { MeasureForm } from "@/components/council/measure-form";
import { StartRecordButton } from "@/components/council/start-record-button";
import { DeleteEntryButton, DeletionStatus } from "@/components/council/delete-entry";
import type { TIndicatorOption } from "@/components/council/indicator-options";

/** A 年度 from the URL: a plain integer in a sane range, else the 404 page. */
export function parseFiscalYear(raw: string): number {
  const year = /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) notFound();
  return year;
}

/** What deleting a 課題 does to the measures that refer to it (the schema keeps them, unlinked). */
const issueDeletionConsequence = (linkedMeasures: number) =>
  linkedMeasures > 0
    ? `この課題に対応づけた対応策${linkedMeasures}件は削除されず、「対応する課題」が空欄になって残ります。`
    : "この課題に対応づけた対応策はありません。";
const MEASURE_DELETION_CONSEQUENCE =
  "基準値（決定時）と経過・メモも削除されます。取りやめた対応策を記録に残すときは、削除せずに状況を「保留・中止」にしてください。";

/** Why there is no 削除 on an agreed or published record, and how to get it back. */
function DeletionHint({ status }: Readonly<{ status: string }>) {
  const state = status === "PUBLISHED" ? "公表" : "合意済";
  return (
    <p className="mb-3 text-sm text-gray-600">
      この記録は{state}
      のため、課題・対応策を削除できません。誤って追加したものを削除するには、上の「記録の状態」を「作成中」に戻して保存してください
      {status === "PUBLISHED" ? "（公表ページからも外れます）" : ""}。
    </p>
  );
}

/**
 * An edit form's choices: the 年度's (what its questionnaire asks) plus any indicator the entry
 * already links that it does not ask, so saving a status or note does not drop the link.
 */
function withLinked(options: TIndicatorOption[], keys: readonly (string | null)[]): TIndicatorOption[] {
  const offered = new Set(options.map((o) => o.key));
  const extra = keys.flatMap((key): TIndicatorOption[] => {
    const indicator = key && !offered.has(key) ? findIndicator(key) : undefined;
    if (!indicator) return [];
    const label = `${indicator.label}（この年度の調査票にない指標）`;
    return [{ key: indicator.key, label, group: INDICATOR_GROUP_LABELS[indicator.group], candidate: null }];
  });
  return extra.length > 0 ? [...options, ...extra] : options;
}

const targetInput = (value: number | null, unit: "share" | "per10k" | undefined) =>
  value === null ? "" : String(unit === "per10k" ? value : Math.round(value * 10000) / 100);

/** One zone's council record of one 年度: read it, and (council of the zone, officer) write it. */
export async function CouncilRecordPage({
  viewer,
  zoneId,
  fiscalYear,
  listHref,
}: Readonly<{ viewer: TViewer; zoneId: string; fiscalYear: number; listHref: string }>) {
  const [record, choices] = await Promise.all([
    getCouncilRecord(viewer, zoneId, fiscalYear),
    getRecordIndicatorChoices(viewer, zoneId, fiscalYear),
  ]).catch((error: unknown) => {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  });
  const zoneName = record?.zone.name ?? "圏域";
  const canWrite = viewer.role === "council" || viewer.role === "prefecture";
  // Deleting is for mistakes while drafting (ADR 0018): an agreed record is set back to 作成中 first.
  const canDelete = canWrite && record?.status === "DRAFT";
  const indicators: TIndicatorOption[] = choices.map((c) => ({
    key: c.key,
    label: c.label,
    group: INDICATOR_GROUP_LABELS[c.group],
    candidate: c.candidate ? `圏域 ${readingText(c.candidate.value)}・県 ${readingText(c.candidate.reference)}` : null,
  }));
  if (!record) {
    return (
      <>
        <PageHeader title={`協議の記録 ${fiscalYearLabel(fiscalYear)}`} eyebrow="協議の場" />
        <EmptyState title="この年度の記録はまだありません">
          {canWrite ? (
            <StartRecordButton zoneId={zoneId} fiscalYear={fiscalYear} href="" label="この年度の記録を始める" />
          ) : (
            "協議の場の委員または県の担当者が記録を始めると表示されます。"
          )}
        </EmptyState>
      </>
    );
  }
  const rows = measureRows(record);
  const recordUrl = `/api/v1/council/records/${record.id}`;
  const unitOf = new Map(record.measures.map((m) => [m.id, m.indicator?.unit]));
  return (
    <>
      <PageHeader
        title={`${zoneName} ${fiscalYearLabel(fiscalYear)} 協議の記録`}
        eyebrow={`${record.zone.schemeName}・${recordStatusText(record.status)}`}
        description="協議の場で合意した目指す姿・課題・原因・対応策の記録です。変更はすべて監査ログに残ります。"
      />
      <div className="mb-4 flex flex-wrap gap-2">
        <Link href={listHref} className={buttonClasses("secondary", "sm")}>
          記録の一覧へ
        </Link>
        <a href={`/api/v1/council/records/${record.id}/pdf`} className={buttonClasses("secondary", "sm")}>
          協議の結果をPDFで印刷
        </a>
      </div>
      <Panel title="① 開催状況・② 目指す姿" className="mb-5">
        {record.meetings.length > 0 && (
          <ul className="mb-4 space-y-1 text-sm text-gray-800">
            {record.meetings.map((m, i) => (
              <li key={i}>{meetingText(m)}</li>
            ))}
          </ul>
        )}
        {record.vision && <p className="mb-4 text-sm text-gray-900">目指す姿: {record.vision}</p>}
        {canWrite && (
          <RecordHeaderForm
            recordId={record.id}
            initial={{ vision: record.vision, meetings: record.meetings, status: record.status }}
          />
        )}
      </Panel>
      <Panel title="③ 課題・④ 原因" className="mb-5">
        {canWrite && !canDelete && record.issues.length > 0 && <DeletionHint status={record.status} />}
        <DeletionStatus>
          <ul className="mb-4 space-y-3" data-testid="council-issues">
            {record.issues.map((issue) => (
              <li key={issue.id} className="rounded-md border border-gray-200 p-3 text-sm">
                <div className="flex items-start justify-between gap-2">
                  <p className="font-medium text-gray-900">{issue.title}</p>
                  {canDelete && (
                    <DeleteEntryButton
                      url={`${recordUrl}/issues/${issue.id}`}
                      what="課題"
                      name={issue.title}
                      consequence={issueDeletionConsequence(
                        record.measures.filter((m) => m.issueId === issue.id).length,
                      )}
                    />
                  )}
                </div>
                <p className="text-gray-700">指標: {issue.indicatorLabels.join("、") || "—"}</p>
                {causeLines(issue).map((c) => (
                  <p key={c.party} className="text-gray-700">
                    原因（{c.party}）: {c.text}
                  </p>
                ))}
                {canWrite && (
                  <details className="mt-2">
                    <summary className="cursor-pointer text-teal-800">この課題を編集</summary>
                    <IssueForm
                      recordId={record.id}
                      issueId={issue.id}
                      initial={{
                        title: issue.title,
                        indicatorKeys: issue.indicatorKeys,
                        causeGovernment: issue.causeGovernment,
                        causeMedical: issue.causeMedical,
                        causeCare: issue.causeCare,
                      }}
                      indicators={withLinked(indicators, issue.indicatorKeys)}
                    />
                  </details>
                )}
              </li>
            ))}
          </ul>
        </DeletionStatus>
        {canWrite && (
          <details open={record.issues.length === 0}>
            <summary className="cursor-pointer font-medium text-teal-800">課題を追加</summary>
            <IssueForm recordId={record.id} indicators={indicators} />
          </details>
        )}
      </Panel>
      <Panel title="⑤ 対応策と担当" className="mb-5">
        {canWrite && !canDelete && record.measures.length > 0 && <DeletionHint status={record.status} />}
        <DeletionStatus>
          <ul className="mb-4 space-y-3" data-testid="council-measures">
            {rows.map((r) => {
              const m = record.measures.find((x) => x.id === r.id)!;
              return (
                <li key={r.id} data-testid="council-measure" className="rounded-md border border-gray-200 p-3 text-sm">
                  <div className="flex items-start justify-between gap-2">
                    <p className="font-medium text-gray-900">{r.measure}</p>
                    {canDelete && (
                      <DeleteEntryButton
                        url={`${recordUrl}/measures/${m.id}`}
                        what="対応策"
                        name={m.title}
                        consequence={MEASURE_DELETION_CONSEQUENCE}
                      />
                    )}
                  </div>
                  <p className="text-gray-700">
                    課題: {r.issue}　担当: {r.owner}　時期: {r.period}　状況: {r.status}
                  </p>
                  <p className="text-gray-700">
                    指標: {r.indicator}　基準値: <span data-testid="measure-baseline">{r.baseline || "—"}</span>　目標:{" "}
                    <span data-testid="measure-target">{r.target}</span>
                  </p>
                  {r.notes && <p className="text-gray-700">経過: {r.notes}</p>}
                  {canWrite && (
                    <details className="mt-2">
                      <summary className="cursor-pointer text-teal-800">この対応策を編集（状況・経過）</summary>
                      <MeasureForm
                        recordId={record.id}
                        measureId={m.id}
                        issues={record.issues}
                        indicators={withLinked(indicators, [m.indicatorKey])}
                        initial={{
                          title: m.title,
                          issueId: m.issueId ?? "",
                          ownerBody: m.ownerBody as never,
                          ownerName: m.ownerName,
                          startMonth: m.startMonth ?? "",
                          deadlineMonth: m.deadlineMonth ?? "",
                          indicatorKey: m.indicatorKey ?? "",
                          target: targetInput(m.targetValue, unitOf.get(m.id)),
                          status: m.status,
                          notes: m.notes,
                        }}
                      />
                    </details>
                  )}
                </li>
              );
            })}
          </ul>
        </DeletionStatus>
        {canWrite && (
          <details open={record.measures.length === 0}>
            <summary className="cursor-pointer font-medium text-teal-800">対応策を追加</summary>
            <MeasureForm recordId={record.id} issues={record.issues} indicators={indicators} />
          </details>
        )}
      </Panel>
    </>
  );
}
