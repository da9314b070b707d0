import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/viewer";
import { findCycle } from "@/lib/data/cycles";
import {
  getMailSettings,
  getReminderSchedule,
  listMailBatches,
  listMailLog,
  ZMailLogFilter,
} from "@/lib/data/cycle-mail";
import { listMunicipalities, listZoneSchemes } from "@/lib/data/zones";
import { isAppError } from "@/lib/errors";
import { RESPONSE_STATUSES, RESPONSE_STATUS_LABELS } from "@/lib/aggregation/status";
import { MAIL_KIND_LABELS } from "@/lib/mail/templates/cycle-mails";
import { MAIL_SENT_MEANING, MAIL_STATUS_LABELS, MAIL_STATUSES_SHOWN } from "@/lib/mail/status-labels";
import { mailBatchView } from "@/lib/summaries/mail-batches";
import { reminderSendAt } from "@/lib/mail/schedule";
import { isMailConfigured } from "@/lib/services/mailer";
import { formatDateTime, formatDeadline } from "@/lib/domain/wareki";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { Notice } from "@/components/ui/notice";
import { Button } from "@/components/ui/button";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { ActionButton } from "@/components/prefecture/action-button";
import { Pagination } from "@/components/prefecture/pagination";
import { SelectFilter } from "@/components/prefecture/select-filter";
import { inputClass, labelClass } from "@/components/prefecture/form-styles";
import { tdClass, thClass } from "@/components/prefecture/table-styles";
import { BulkMailForm } from "@/components/prefecture/mail/bulk-mail-form";
import { BatchProgress } from "@/components/prefecture/mail/batch-progress";
import { TextSettingsForm } from "@/components/prefecture/mail/text-settings-form";
import { type TSearchParams, flattenParams, withParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "案内・督促メール" };

export default async function CycleMailPage({
  params,
  searchParams,
}: Readonly<{ params: Promise<{ cycleId: string }>; searchParams: Promise<TSearchParams> }>) {
  const viewer = await requireRole("prefecture");
  const { cycleId } = await params;
  const filter = ZMailLogFilter.parse(flattenParams(await searchParams));
  const cycle = await findCycle(viewer, cycleId).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const isClinic = cycle.kind === "CLINIC_REPORT";
  const [log, batches, schedule, settings, schemes, municipalities] = await Promise.all([
    listMailLog(viewer, cycle.id, filter),
    listMailBatches(viewer, cycle.id),
    getReminderSchedule(viewer, cycle.id),
    getMailSettings(viewer),
    listZoneSchemes(viewer),
    isClinic ? listMunicipalities(viewer) : Promise.resolve(null),
  ]);
  const mail = isMailConfigured();
  const path = `/prefecture/cycles/${cycle.id}/mail`;
  const api = `/api/v1/prefecture/cycles/${cycle.id}/mail`;
  const now = new Date();
  const current = { status: filter.status, kind: filter.kind, q: filter.q };

  return (
    <>
      <PageHeader
        title="案内・督促メール"
        eyebrow={
          <Link href={`/prefecture/cycles/${cycle.id}`} className="text-teal-800 underline">
            {cycle.title}へ戻る
          </Link>
        }
        description={`${cycle.title}・提出期限 ${formatDeadline(cycle.closesAt)}`}
      />
      <div className="space-y-6">
        {!mail && (
          <Notice tone="warning" title="メールサーバーが設定されていません">
            この環境ではメールを送信できません。同じ画面で、宛先一覧（CSV）と郵送用の文書（PDF）を作成できます。設定方法は管理者向けの説明（README「メールの設定」）をご覧ください。
          </Notice>
        )}
        {!settings.saved && (
          <Notice>
            差出人・問い合わせ先がまだ設定されていません（既定の文面で送信されます）。
            <Link href="/prefecture/mail-settings" className="ml-1 text-teal-800 underline">
              メールの差出人・署名を設定する
            </Link>
          </Notice>
        )}

        <Panel title="一括送信（案内・督促）">
          <p className="mb-3 text-sm text-gray-700">
            督促は、送信する時点でまだ提出していない回答者（未着手・下書き・差戻し）にだけ届きます。送信待ちの間に提出された回答者には送られません。
          </p>
          <BulkMailForm
            cycleId={cycle.id}
            mailConfigured={mail}
            zones={schemes.map((s) => ({
              label: s.name,
              options: s.zones.map((z) => ({ value: z.id, label: z.name })),
            }))}
            municipalities={municipalities?.map((m) => ({ value: m.code, label: m.name })) ?? null}
            statuses={RESPONSE_STATUSES.map((s) => ({ value: s, label: RESPONSE_STATUS_LABELS[s] }))}
          />
        </Panel>

        <Panel title="督促の予定">
          <p className="mb-3 text-sm text-gray-700">
            提出期限の何日前に督促メールを自動で送るかを設定します（各日の午前9時ごろ、その時点の未提出の回答者へ）。
          </p>
          <TextSettingsForm
            url={`${api}/schedule`}
            submitLabel="予定を保存"
            doneMessage="督促の予定を保存しました。"
            fields={[
              {
                name: "days",
                label: "期限の何日前（カンマ区切り）",
                hint: "例: 14, 7, 3, 1　空欄で保存すると自動の督促をしません。",
                value: schedule.join(", "),
              },
            ]}
          />
          {schedule.length > 0 && (
            <ul className="mt-3 list-inside list-disc text-sm text-gray-800" data-testid="reminder-schedule">
              {schedule.map((d) => {
                const at = reminderSendAt(cycle.closesAt, d);
                return (
                  <li key={d}>
                    期限の{d}日前: {formatDateTime(at)}
                    {at <= now ? "（時刻を過ぎています）" : ""}
                  </li>
                );
              })}
            </ul>
          )}
        </Panel>

        <Panel title="送信の進み具合">
          <BatchProgress cycleId={cycle.id} initial={batches.map(mailBatchView)} />
        </Panel>

        <Panel title="送信履歴">
          <form
            method="get"
            className="mb-4 grid gap-3 md:grid-cols-4 md:items-end"
            role="search"
            aria-label="送信履歴の絞り込み"
          >
            <SelectFilter
              name="kind"
              label="種類"
              value={filter.kind}
              options={Object.entries(MAIL_KIND_LABELS).map(([value, label]) => ({ value, label }))}
            />
            <SelectFilter
              name="status"
              label="結果"
              value={filter.status}
              options={MAIL_STATUSES_SHOWN.map((value) => ({ value, label: MAIL_STATUS_LABELS[value]! }))}
            />
            <div>
              <label htmlFor="mail-log-q" className={labelClass}>
                宛先・回答者名
              </label>
              <input id="mail-log-q" name="q" defaultValue={filter.q ?? ""} className={inputClass} />
            </div>
            <Button type="submit" variant="secondary">
              絞り込む
            </Button>
          </form>
          <p className="mb-2 text-sm text-gray-700" data-testid="mail-log-summary">
            {MAIL_STATUSES_SHOWN.filter((s) => (log.byStatus[s] ?? 0) > 0)
              .map((s) => `${MAIL_STATUS_LABELS[s]} ${log.byStatus[s]}通`)
              .join("・") || "まだ送信したメールはありません。"}
          </p>
          <p className="mb-3 text-xs text-gray-700" data-testid="mail-sent-meaning">
            {MAIL_SENT_MEANING}
          </p>
          {log.rows.length > 0 && (
            <ScrollRegion label="送信履歴">
              <table className="min-w-full text-sm" data-testid="mail-log">
                <caption className="sr-only">送信履歴（新しい順）</caption>
                <thead>
                  <tr>
                    <th scope="col" className={thClass}>
                      日時
                    </th>
                    <th scope="col" className={thClass}>
                      種類
                    </th>
                    <th scope="col" className={thClass}>
                      回答者・宛先
                    </th>
                    <th scope="col" className={thClass}>
                      結果
                    </th>
                    <th scope="col" className={thClass}>
                      操作
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {log.rows.map((r) => (
                    <tr key={r.id}>
                      <td className={`${tdClass} whitespace-nowrap`}>{formatDateTime(r.sentAt ?? r.createdAt)}</td>
                      <td className={tdClass}>
                        {MAIL_KIND_LABELS[r.kind]}
                        {r.resendOfId ? "（再送）" : ""}
                      </td>
                      <td className={tdClass}>
                        <span className="block">{r.respondentName}</span>
                        <span className="block break-all text-gray-700">{r.recipient}</span>
                      </td>
                      <td className={tdClass}>
                        <span className="font-medium">{MAIL_STATUS_LABELS[r.status]}</span>
                        {r.error && <span className="block text-xs text-gray-700">{r.error}</span>}
                      </td>
                      <td className={tdClass}>
                        {mail && r.status !== "QUEUED" && r.status !== "SENDING" && (
                          <ActionButton
                            url={`${api}/${r.id}/resend`}
                            size="sm"
                            confirm={`${r.recipient} に「${MAIL_KIND_LABELS[r.kind]}」をもう一度送ります。よろしいですか？`}
                          >
                            再送
                          </ActionButton>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
          <Pagination
            page={log.page}
            pages={log.pages}
            total={log.total}
            hrefFor={(page) => withParams(path, { ...current, page: String(page) })}
          />
        </Panel>
      </div>
    </>
  );
}
