import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/viewer";
import { listCycles } from "@/lib/data/cycles";
import { countInstitutions } from "@/lib/data/overview";
import { CYCLE_STATUS_LABELS } from "@/lib/domain/labels";
import { formatDeadline } from "@/lib/domain/wareki";
import { suspendedNote } from "@/lib/domain/suspension";
import { formatInteger, formatRate } from "@/lib/format";
import { RESPONSE_STATUS_LABELS, RESPONSE_STATUSES } from "@/lib/aggregation/status";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/notice";
import { withParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "ホーム" };

const DAY = 86_400_000;
const BAR_COLORS: Record<(typeof RESPONSE_STATUSES)[number], string> = {
  NOT_STARTED: "bg-gray-300",
  DRAFT: "bg-amber-300",
  SUBMITTED: "bg-sky-500",
  RETURNED: "bg-red-400",
  CONFIRMED: "bg-emerald-600",
};

/** What needs the officer today: open cycles, their progress, reports waiting for confirmation. */
export default async function PrefectureHome() {
  const viewer = await requireRole("prefecture");
  const [cycles, institutions] = await Promise.all([listCycles(viewer), countInstitutions(viewer)]);
  const open = cycles.filter((c) => c.status === "OPEN");
  const now = Date.now();
  return (
    <>
      <PageHeader
        title="都道府県ホーム"
        description={`名簿: 病院 ${formatInteger(institutions.hospitals)}・診療所 ${formatInteger(institutions.clinics)}`}
        actions={
          <ButtonLink href="/prefecture/cycles" variant="secondary">
            報告サイクルの管理
          </ButtonLink>
        }
      />
      {open.length === 0 && (
        <EmptyState title="受付中の報告はありません">
          「報告サイクル」から年度の報告を作成し、受付を開始してください。
        </EmptyState>
      )}
      <div className="space-y-5">
        {open.map((cycle) => {
          const submitted = cycle.counts.SUBMITTED + cycle.counts.RETURNED + cycle.counts.CONFIRMED;
          const daysLeft = Math.ceil((cycle.closesAt.getTime() - now) / DAY);
          return (
            <Panel
              key={cycle.id}
              title={cycle.title}
              actions={
                <>
                  {cycle.counts.SUBMITTED > 0 && (
                    <ButtonLink href={withParams("/prefecture/submissions", { cycle: cycle.id, status: "SUBMITTED" })}>
                      確認待ち {formatInteger(cycle.counts.SUBMITTED)}件
                    </ButtonLink>
                  )}
                  {cycle.kind === "CLINIC_REPORT" && (
                    <ButtonLink href={`/prefecture/dashboard?cycle=${cycle.id}`} variant="secondary">
                      ダッシュボード
                    </ButtonLink>
                  )}
                  <ButtonLink href={`/prefecture/cycles/${cycle.id}`} variant="secondary">
                    進捗・未提出の一覧
                  </ButtonLink>
                </>
              }
            >
              <p className="text-sm text-gray-700">
                {CYCLE_STATUS_LABELS[cycle.status]}・提出期限 {formatDeadline(cycle.closesAt)}
                {daysLeft >= 0 ? `（あと${daysLeft}日）` : "（期限を過ぎています）"}
              </p>
              <p className="mt-2 text-sm">
                提出 <strong className="text-lg">{formatInteger(submitted)}</strong> /{" "}
                {formatInteger(cycle.counts.total)}（{formatRate(submitted, cycle.counts.total)}）
                {cycle.counts.suspended > 0 && (
                  <span className="ml-1 text-xs text-gray-600">※{suspendedNote(cycle.counts.suspended)}</span>
                )}
              </p>
              <div
                className="mt-2 flex h-3 w-full overflow-hidden rounded-full bg-gray-100"
                role="img"
                aria-label={`提出状況: ${RESPONSE_STATUSES.map((s) => `${RESPONSE_STATUS_LABELS[s]} ${cycle.counts[s]}件`).join("、")}`}
              >
                {RESPONSE_STATUSES.map((s) =>
                  cycle.counts[s] > 0 ? (
                    <div
                      key={s}
                      className={BAR_COLORS[s]}
                      style={{ width: `${(cycle.counts[s] / Math.max(1, cycle.counts.total)) * 100}%` }}
                    />
                  ) : null,
                )}
              </div>
              <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-gray-700">
                {RESPONSE_STATUSES.map((s) => (
                  <li key={s} className="flex items-center gap-1">
                    <span className={`inline-block h-2.5 w-2.5 rounded-sm ${BAR_COLORS[s]}`} aria-hidden />
                    <Link
                      href={withParams("/prefecture/submissions", { cycle: cycle.id, status: s })}
                      className="hover:underline"
                    >
                      {RESPONSE_STATUS_LABELS[s]} {formatInteger(cycle.counts[s])}
                    </Link>
                  </li>
                ))}
              </ul>
            </Panel>
          );
        })}
      </div>
      <nav aria-label="業務メニュー" className="mt-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {[
          { href: "/prefecture/roster", title: "医療機関名簿", text: "CSV・Excel の取込と確認" },
          { href: "/prefecture/accounts", title: "アカウント", text: "報告者アカウントとパスワード設定リンク" },
          { href: "/prefecture/packets", title: "協議の場資料", text: "圏域ごとの PDF 資料" },
          { href: "/prefecture/audit", title: "監査ログ", text: "操作の記録の確認" },
          {
            href: "/prefecture/mail-settings",
            title: "メールの差出人・署名",
            text: "案内・督促メールの差出人と問い合わせ先",
          },
        ].map((link) => (
          <Link
            key={link.href}
            href={link.href}
            className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm hover:border-teal-600"
          >
            <span className="block font-semibold text-teal-900">{link.title}</span>
            <span className="text-sm text-gray-600">{link.text}</span>
          </Link>
        ))}
      </nav>
    </>
  );
}
