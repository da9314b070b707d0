import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/viewer";
import { countAccounts, listAccounts, planRespondentAccounts } from "@/lib/data/accounts";
import { accountFormOptions } from "@/lib/data/account-options";
import { isMailConfigured } from "@/lib/services/mailer";
import { LINK_TTL_DAYS } from "@/lib/services/accounts";
import { formatDateTime } from "@/lib/domain/wareki";
import { ACCOUNT_DEFAULT_SORT, type TAccountSortKey, ZAccountFilter, sortParams } from "@/lib/prefecture/filters";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { Button } from "@/components/ui/button";
import { EmptyState, Notice } from "@/components/ui/notice";
import { ActionButton } from "@/components/prefecture/action-button";
import { CreateAccountsButton, LinkButtons } from "@/components/prefecture/account-actions";
import { ResetTwoFactorButton } from "@/components/auth/reset-two-factor-button";
import { Pagination } from "@/components/prefecture/pagination";
import { SelectFilter } from "@/components/prefecture/select-filter";
import { inputClass, labelClass } from "@/components/prefecture/form-styles";
import { tdClass, thClass } from "@/components/prefecture/table-styles";
import { type TSearchParams, flattenParams, withParams } from "@/lib/search-params";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { ListCard, ListCards, SortSelects, SortableHeaders } from "@/components/prefecture/sortable-list";
import { RespondentAccountForm } from "@/components/accounts/respondent-account-form";

export const metadata: Metadata = { title: "アカウント" };

const ROLE_NAMES = { INSTITUTION: "医療機関", HUB: "拠点", COUNCIL: "協議の場" } as const;

const PATH = "/prefecture/accounts";

const SORTABLE: { key: TAccountSortKey; label: string }[] = [
  { key: "email", label: "メールアドレス" },
  { key: "affiliation", label: "所属" },
  { key: "state", label: "状態" },
  { key: "link", label: "パスワード設定用リンク" },
  { key: "lastLogin", label: "最終ログイン" },
];

function linkState(
  link: { expiresAt: Date; usedAt: Date | null; revokedAt: Date | null; createdAt: Date } | null,
  now: Date,
) {
  if (!link) return "未発行";
  if (link.usedAt) return `使用済み（${formatDateTime(link.usedAt)}）`;
  if (link.revokedAt) return "無効（再発行済みなど）";
  if (link.expiresAt <= now) return `期限切れ（${formatDateTime(link.expiresAt)}）`;
  return `有効（${formatDateTime(link.expiresAt)} まで）`;
}

export default async function AccountsPage({ searchParams }: Readonly<{ searchParams: Promise<TSearchParams> }>) {
  const viewer = await requireRole("prefecture");
  const filter = ZAccountFilter.parse(flattenParams(await searchParams));
  const [plan, counts, accounts, options] = await Promise.all([
    planRespondentAccounts(viewer),
    countAccounts(viewer),
    listAccounts(viewer, filter),
    accountFormOptions(viewer),
  ]);
  const mail = isMailConfigured();
  const now = new Date();
  const current = { role: filter.role, state: filter.state, q: filter.q };
  const sort = { key: filter.sort, dir: filter.dir };
  const listed = { ...current, ...sortParams(filter, ACCOUNT_DEFAULT_SORT) };
  const sortHref = (key: TAccountSortKey, dir: typeof filter.dir) =>
    withParams(PATH, current, sortParams({ sort: key, dir }, ACCOUNT_DEFAULT_SORT));

  return (
    <>
      <PageHeader
        title="アカウント"
        description={`医療機関・拠点・協議の場のアカウント ${counts.total.toLocaleString("ja-JP")}件（パスワード未設定 ${counts.pending.toLocaleString("ja-JP")}件、無効 ${counts.inactive.toLocaleString("ja-JP")}件）`}
      />
      <div className="space-y-6">
        <Panel title="名簿からアカウントを作成">
          <p className="mb-3 text-sm text-gray-700">
            名簿の「担当者メール」（拠点は連絡先メール）で、まだアカウントのない医療機関・拠点のアカウントを作ります。パスワードは本人がリンクから設定します。
          </p>
          <ul className="mb-4 grid gap-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
            <li className="rounded-md bg-teal-50 px-3 py-2" data-testid="plan-create">
              作成できる: <strong>{plan.toCreate.length.toLocaleString("ja-JP")}件</strong>
            </li>
            <li className="rounded-md bg-gray-50 px-3 py-2">作成済み: {plan.alreadyHave.toLocaleString("ja-JP")}件</li>
            <li className="rounded-md bg-amber-50 px-3 py-2">
              メール未登録・誤り: {plan.missingEmail.length.toLocaleString("ja-JP")}件
            </li>
            <li className="rounded-md bg-amber-50 px-3 py-2">
              重複・使用中のメール: {(plan.duplicateEmails.length + plan.emailTaken.length).toLocaleString("ja-JP")}件
            </li>
          </ul>
          {(plan.missingEmail.length > 0 || plan.duplicateEmails.length > 0 || plan.emailTaken.length > 0) && (
            <details className="mb-4 text-sm">
              <summary className="cursor-pointer text-teal-800 underline">作成できない医療機関・拠点を見る</summary>
              <div className="mt-2 space-y-3">
                {plan.missingEmail.length > 0 && (
                  <div>
                    <p className="font-medium">メールアドレスがない・形式が正しくない（名簿を直してください）</p>
                    <ul className="list-inside list-disc">
                      {plan.missingEmail.slice(0, 200).map((m) => (
                        <li key={`${m.code}-${m.name}`}>
                          {m.code ? `${m.code} ` : ""}
                          {m.name}
                          {m.email ? `（${m.email}）` : ""}
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                {plan.duplicateEmails.length > 0 && (
                  <div>
                    <p className="font-medium">
                      同じメールアドレスが複数の医療機関・拠点にある（1つのアカウントは1機関にしか使えません）
                    </p>
                    <ul className="list-inside list-disc">
                      {plan.duplicateEmails.map((d) => (
                        <li key={d.email}>
                          {d.email}: {d.names.join("、")}
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                {plan.emailTaken.length > 0 && (
                  <div>
                    <p className="font-medium">メールアドレスが別のアカウントで使われている</p>
                    <ul className="list-inside list-disc">
                      {plan.emailTaken.map((d) => (
                        <li key={d.email}>
                          {d.email}: {d.name}
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
              </div>
            </details>
          )}
          <CreateAccountsButton count={plan.toCreate.length} />
        </Panel>

        <Panel title="協議の場・拠点のアカウントを追加">
          <p className="mb-3 text-sm text-gray-700">
            協議の場の構成員（担当する圏域を選びます）や拠点の担当者のアカウントを1件ずつ作り、招待します。
            {mail
              ? "招待メールで届いたリンクから、本人がパスワードを設定します。"
              : "メールサーバーが設定されていないため、招待のリンクは作成後にこの画面に一度だけ表示されます。"}
          </p>
          <RespondentAccountForm zones={options.zones} hubs={options.hubs} />
        </Panel>

        <Panel title="パスワード設定用リンク">
          <p className="mb-3 text-sm text-gray-700">
            リンクは {LINK_TTL_DAYS}日間有効で、一度だけ使えます。発行し直すと、それまでのリンクは使えなくなります。
            {mail
              ? "メールで送るか、CSV で出力して配布できます。"
              : "メールサーバーが設定されていないため、CSV で出力して配布してください。"}
          </p>
          {!mail && (
            <Notice className="mb-3">
              CSV にはリンクがそのまま入っています。取り扱いに注意し、配布後は削除してください。
            </Notice>
          )}
          <p className="mb-2 text-sm">
            パスワード未設定の有効なアカウント: <strong>{counts.pending.toLocaleString("ja-JP")}件</strong>
          </p>
          <LinkButtons target={{ scope: "pending" }} count={counts.pending} mailConfigured={mail} />
        </Panel>

        <Panel title="一覧">
          <form method="get" className="mb-4 grid gap-3 md:grid-cols-6" role="search" aria-label="アカウントの絞り込み">
            <div>
              <label htmlFor="filter-q" className={labelClass}>
                メール・名称・コード
              </label>
              <input id="filter-q" name="q" defaultValue={filter.q ?? ""} className={inputClass} />
            </div>
            <SelectFilter
              name="role"
              label="種類"
              value={filter.role}
              options={Object.entries(ROLE_NAMES).map(([value, label]) => ({ value, label }))}
            />
            <SelectFilter
              name="state"
              label="状態"
              value={filter.state}
              options={[
                { value: "active", label: "利用中" },
                { value: "pending", label: "パスワード未設定" },
                { value: "inactive", label: "無効" },
              ]}
            />
            <SortSelects sort={sort} fallback={ACCOUNT_DEFAULT_SORT} defaultLabel="所属順" columns={SORTABLE} />
            <div className="flex items-end gap-2">
              <Button type="submit">絞り込む</Button>
              <Link href={PATH} className="text-sm text-teal-800 underline">
                クリア
              </Link>
            </div>
          </form>
          {accounts.rows.length === 0 ? (
            <EmptyState title="該当するアカウントはありません" />
          ) : (
            <>
              <ListCards label="アカウントの一覧" testId="account-cards">
                {accounts.rows.map((a) => (
                  <ListCard
                    key={a.id}
                    title={<AccountLink account={a} />}
                    muted={!a.isActive}
                    fields={[
                      {
                        label: "所属",
                        value: (
                          <>
                            {ROLE_NAMES[a.role as keyof typeof ROLE_NAMES]}・<Affiliation account={a} />
                          </>
                        ),
                      },
                      { label: "状態", value: stateText(a) },
                      { label: "リンク", value: linkState(a.latestLink, now) },
                      { label: "最終ログイン", value: a.lastLoginAt ? formatDateTime(a.lastLoginAt) : "—" },
                    ]}
                    actions={<AccountActions account={a} mail={mail} />}
                  />
                ))}
              </ListCards>
              <ScrollRegion label="アカウントの一覧（表）" className="hidden md:block">
                <table className="w-full min-w-[44rem] text-sm">
                  <thead>
                    <tr>
                      <SortableHeaders columns={SORTABLE} sort={sort} hrefFor={sortHref} />
                      <th className={thClass}>
                        <span className="sr-only">操作</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {accounts.rows.map((a) => (
                      <tr key={a.id} className={a.isActive ? undefined : "bg-gray-50 text-gray-600"}>
                        <td className={`${tdClass} break-all`}>
                          <AccountLink account={a} />
                        </td>
                        <td className={`${tdClass} min-w-[10rem]`}>
                          <span className="text-xs text-gray-600">{ROLE_NAMES[a.role as keyof typeof ROLE_NAMES]}</span>
                          <br />
                          <Affiliation account={a} />
                        </td>
                        <td className={tdClass}>{stateText(a)}</td>
                        <td className={tdClass}>{linkState(a.latestLink, now)}</td>
                        <td className={tdClass}>{a.lastLoginAt ? formatDateTime(a.lastLoginAt) : "—"}</td>
                        <td className={`${tdClass} space-y-1`}>
                          <AccountActions account={a} mail={mail} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            </>
          )}
          <Pagination
            page={accounts.page}
            pages={accounts.pages}
            total={accounts.total}
            hrefFor={(page) => withParams(PATH, listed, { page })}
          />
        </Panel>
      </div>
    </>
  );
}

type TAccountItem = Awaited<ReturnType<typeof listAccounts>>["rows"][number];

const stateText = (a: TAccountItem) =>
  `${!a.isActive ? "無効" : a.hasPassword ? "利用中" : "パスワード未設定"}${a.hasTwoFactor ? "（2段階認証あり）" : ""}`;

function AccountLink({ account: a }: Readonly<{ account: TAccountItem }>) {
  return (
    <Link href={`${PATH}/${a.id}`} className="break-all text-teal-800 underline">
      {a.email}
    </Link>
  );
}

function Affiliation({ account: a }: Readonly<{ account: TAccountItem }>) {
  if (a.role === "COUNCIL")
    return (
      <>
        {a.zones.map((z) => z.zone.name).join("、") || "圏域なし"}（{a.name}）
      </>
    );
  return a.institution ? (
    <Link href={`/prefecture/roster/${a.institution.id}`} className="text-teal-800 underline">
      {a.institution.name}
    </Link>
  ) : (
    <>{a.hub?.name ?? a.name}</>
  );
}

function AccountActions({ account: a, mail }: Readonly<{ account: TAccountItem; mail: boolean }>) {
  if (!a.isActive) {
    return (
      <ActionButton url={`/api/v1/prefecture/accounts/${a.id}/reactivate`} size="sm" variant="ghost">
        有効に戻す
      </ActionButton>
    );
  }
  return (
    <>
      <LinkButtons
        target={{ scope: "users", userIds: [a.id] }}
        count={1}
        mailConfigured={mail}
        compact
        mailOnly={a.hasPassword}
      />
      {a.hasTwoFactor && (
        <ResetTwoFactorButton url={`/api/v1/prefecture/accounts/${a.id}/reset-two-factor`} email={a.email} />
      )}
      <ActionButton
        url={`/api/v1/prefecture/accounts/${a.id}/deactivate`}
        size="sm"
        variant="ghost"
        confirm={`${a.email} を無効にします。ログイン中でもすぐに使えなくなります。よろしいですか？`}
      >
        無効にする
      </ActionButton>
    </>
  );
}
