import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/viewer";
import { listOfficerAccounts, type TOfficer } from "@/lib/data/officers";
import { isPrefectureCode, PREFECTURES } from "@/lib/domain/prefectures";
import { formatDateTime } from "@/lib/domain/wareki";
import { isMailConfigured } from "@/lib/services/mailer";
import { type TSearchParams, flattenParams } from "@/lib/search-params";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { Button } from "@/components/ui/button";
import { EmptyState, Notice } from "@/components/ui/notice";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { ResetTwoFactorButton } from "@/components/auth/reset-two-factor-button";
import { ActionButton } from "@/components/prefecture/action-button";
import { SelectFilter } from "@/components/prefecture/select-filter";
import { ListCard, ListCards } from "@/components/prefecture/sortable-list";
import { tdClass, thClass } from "@/components/prefecture/table-styles";
import { OfficerForm } from "@/components/accounts/officer-form";
import { InviteButton } from "@/components/accounts/invite-button";

export const metadata: Metadata = { title: "都道府県の担当者" };

const PATH = "/admin/officers";

/** Prefecture officer accounts, for the national administrator: create, invite, deactivate, 2FA reset. */
export default async function OfficersPage({ searchParams }: Readonly<{ searchParams: Promise<TSearchParams> }>) {
  const viewer = await requireRole("admin");
  const pref = flattenParams(await searchParams).pref;
  const prefectureCode = typeof pref === "string" && isPrefectureCode(pref) ? pref : undefined;
  const officers = await listOfficerAccounts(viewer, { prefectureCode });
  const mail = isMailConfigured();
  return (
    <>
      <PageHeader
        title="都道府県の担当者"
        description="都道府県の担当者のアカウントを作成し、招待します。担当者は招待メールのリンクでパスワードを設定し、初回ログイン時に2段階認証を設定します。"
      />
      <div className="space-y-6">
        <Panel title="担当者を追加">
          {!mail && (
            <Notice className="mb-3">
              メールサーバーが設定されていないため、招待のリンクは作成後にこの画面に一度だけ表示されます。本人にだけ安全な方法で渡してください。
            </Notice>
          )}
          <OfficerForm />
        </Panel>
        <Panel title="一覧">
          <form
            method="get"
            className="mb-4 flex flex-wrap items-end gap-3"
            role="search"
            aria-label="担当者の絞り込み"
          >
            <SelectFilter
              name="pref"
              label="都道府県"
              value={prefectureCode}
              options={PREFECTURES.map((p) => ({ value: p.code, label: p.name }))}
            />
            <Button type="submit">絞り込む</Button>
            <Link href={PATH} className="text-sm text-teal-800 underline">
              クリア
            </Link>
          </form>
          {officers.length === 0 ? (
            <EmptyState title="該当する都道府県の担当者のアカウントはありません" />
          ) : (
            <OfficerList officers={officers} />
          )}
        </Panel>
      </div>
    </>
  );
}

const stateText = (o: TOfficer) => (!o.isActive ? "無効" : !o.hasPassword ? "招待中（パスワード未設定）" : "利用中");

const twoFactorText = (o: TOfficer) =>
  o.totpEnabledAt ? `設定済み（${formatDateTime(o.totpEnabledAt)}）` : "未設定（初回ログイン時に設定）";

function OfficerList({ officers }: Readonly<{ officers: TOfficer[] }>) {
  return (
    <>
      <ListCards label="都道府県の担当者の一覧" testId="officer-cards">
        {officers.map((o) => (
          <ListCard
            key={o.id}
            title={<span className="break-all">{o.email}</span>}
            muted={!o.isActive}
            fields={[
              { label: "都道府県", value: o.prefectureName },
              { label: "氏名", value: o.name },
              { label: "状態", value: stateText(o) },
              { label: "2段階認証", value: twoFactorText(o) },
              { label: "最終ログイン", value: o.lastLoginAt ? formatDateTime(o.lastLoginAt) : "—" },
            ]}
            actions={<OfficerActions officer={o} />}
          />
        ))}
      </ListCards>
      <ScrollRegion label="都道府県の担当者の一覧（表）" className="hidden md:block">
        <table className="w-full min-w-[44rem] text-sm">
          <thead>
            <tr>
              <th className={thClass}>都道府県</th>
              <th className={thClass}>メールアドレス・氏名</th>
              <th className={thClass}>状態</th>
              <th className={thClass}>2段階認証</th>
              <th className={thClass}>最終ログイン</th>
              <th className={thClass}>
                <span className="sr-only">操作</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {officers.map((o) => (
              <tr key={o.id} className={o.isActive ? undefined : "bg-gray-50 text-gray-600"}>
                <td className={tdClass}>{o.prefectureName}</td>
                <td className={`${tdClass} break-all`}>
                  {o.email}
                  <span className="block text-xs text-gray-600">{o.name}</span>
                </td>
                <td className={tdClass}>{stateText(o)}</td>
                <td className={tdClass}>{twoFactorText(o)}</td>
                <td className={tdClass}>{o.lastLoginAt ? formatDateTime(o.lastLoginAt) : "—"}</td>
                <td className={`${tdClass} space-y-1`}>
                  <OfficerActions officer={o} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

function OfficerActions({ officer: o }: Readonly<{ officer: TOfficer }>) {
  const base = `/api/v1/admin/officers/${o.id}`;
  if (!o.isActive) {
    return (
      <ActionButton url={`${base}/reactivate`} size="sm" variant="ghost">
        有効に戻す
      </ActionButton>
    );
  }
  const lastWarning = o.lastActiveOfPrefecture
    ? `${o.prefectureName}で有効な担当者はこの人だけです。無効にすると、新しい担当者を追加するまで${o.prefectureName}の業務を行える人がいなくなります。`
    : "";
  return (
    <>
      {!o.hasPassword && <InviteButton url={`${base}/invite`} email={o.email} />}
      {o.totpEnabledAt && <ResetTwoFactorButton url={`${base}/reset-two-factor`} email={o.email} />}
      <ActionButton
        url={`${base}/deactivate`}
        size="sm"
        variant="ghost"
        confirm={`${lastWarning}${o.email} を無効にします。ログイン中でもすぐに使えなくなります。よろしいですか？`}
      >
        無効にする
      </ActionButton>
    </>
  );
}
