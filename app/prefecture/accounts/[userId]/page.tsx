import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/viewer";
import { accountFormOptions, findManagedAccountDetail } from "@/lib/data/account-options";
import { listAuditEvents } from "@/lib/data/audit-log";
import { formatDateTime } from "@/lib/domain/wareki";
import { orNotFound } from "@/app/_shared/not-found";
import { PageHeader } from "@/components/ui/page-header";
import { FactList, Panel } from "@/components/ui/panel";
import { ActionButton } from "@/components/prefecture/action-button";
import { CouncilZonesForm } from "@/components/accounts/council-zones-form";

export const metadata: Metadata = { title: "アカウント" };

const ROLE_NAMES = { INSTITUTION: "医療機関", HUB: "在宅医療連携拠点", COUNCIL: "協議の場の構成員" } as const;

/** One account the prefecture manages: what it is, a council member's zones, and its history. */
export default async function AccountPage({ params }: Readonly<{ params: Promise<{ userId: string }> }>) {
  const viewer = await requireRole("prefecture");
  const { userId } = await params;
  const account = await orNotFound(findManagedAccountDetail(viewer, userId));
  const [options, events] = await Promise.all([
    account.role === "COUNCIL" ? accountFormOptions(viewer) : null,
    listAuditEvents(viewer, { entityType: "user", entityId: account.id, take: 20 }),
  ]);
  const base = `/api/v1/prefecture/accounts/${account.id}`;
  return (
    <>
      <PageHeader
        title={account.email}
        eyebrow={
          <Link href="/prefecture/accounts" className="text-teal-800 underline">
            アカウントの一覧へ戻る
          </Link>
        }
        description={`${ROLE_NAMES[account.role as keyof typeof ROLE_NAMES] ?? account.role}・${account.name}`}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title="アカウント">
          <FactList
            items={[
              { label: "氏名", value: account.name },
              {
                label: "所属",
                value: account.institution
                  ? `${account.institution.name}（${account.institution.code}）`
                  : (account.hub?.name ?? account.zones.map((z) => z.name).join("、")),
              },
              {
                label: "状態",
                value: !account.isActive ? "無効" : account.hasPassword ? "利用中" : "パスワード未設定（招待中）",
              },
              { label: "作成", value: formatDateTime(account.createdAt) },
              { label: "最終ログイン", value: account.lastLoginAt ? formatDateTime(account.lastLoginAt) : "—" },
            ]}
          />
          <div className="mt-4">
            {account.isActive ? (
              <ActionButton
                url={`${base}/deactivate`}
                size="sm"
                confirm={`${account.email} を無効にします。ログイン中でもすぐに使えなくなります。よろしいですか？`}
              >
                無効にする
              </ActionButton>
            ) : (
              <ActionButton url={`${base}/reactivate`} size="sm">
                有効に戻す
              </ActionButton>
            )}
          </div>
        </Panel>
        {options && (
          <Panel title="担当する圏域">
            <p className="mb-3 text-sm text-gray-700">
              協議の場の構成員は、選んだ圏域のダッシュボードと協議の場の資料だけを見られます。
            </p>
            <CouncilZonesForm userId={account.id} zones={options.zones} current={account.zones.map((z) => z.id)} />
          </Panel>
        )}
        <Panel title="記録">
          {events.length === 0 ? (
            <p className="text-sm text-gray-700">記録はありません。</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {events.map((e) => (
                <li key={e.id}>
                  <span className="text-gray-700">{formatDateTime(e.at)}</span> {e.summary ?? e.action}
                  <span className="block text-xs text-gray-700">{e.actorEmail ?? "システム"}</span>
                </li>
              ))}
            </ul>
          )}
        </Panel>
      </div>
    </>
  );
}
