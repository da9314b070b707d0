import Link from "next/link";
import type { ReactNode } from "react";
import type { TRole } from "@/lib/auth/roles";
import { ROLE_HOME, ROLE_LABELS } from "@/lib/auth/roles";
import { NAV_ITEMS } from "./nav";
import { NavLink } from "./nav-link";
import { SignOutButton } from "@/components/auth/sign-out-button";

export type TShellContext = {
  role: TRole;
  userName: string;
  scopeLabel: string;
  isDemo: boolean;
};

export function AppShell({ context, children }: Readonly<{ context: TShellContext; children: ReactNode }>) {
  return (
    <div className="flex min-h-screen flex-col">
      {context.isDemo && <DemoBanner />}
      <header className="no-print border-b border-gray-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex items-center gap-4">
            {/* The name is the visible 連携 Renkei (WCAG 2.5.3), then where the link goes. */}
            <Link href="/" className="flex items-baseline gap-2">
              <span className="text-xl font-bold text-teal-800">連携</span>
              <span className="text-sm font-semibold tracking-wide text-gray-600">Renkei</span>
              <span className="sr-only">（ホームへ）</span>
            </Link>
            <span className="rounded bg-teal-50 px-2 py-0.5 text-sm text-teal-900" data-testid="scope-label">
              {context.scopeLabel}
            </span>
          </div>
          <div className="flex items-center gap-3 text-sm">
            <span className="text-gray-700">
              {context.userName}
              <span className="ml-2 text-gray-500">（{ROLE_LABELS[context.role]}）</span>
            </span>
            <Link href={`${ROLE_HOME[context.role]}/security`} className="text-teal-800 underline">
              セキュリティ設定
            </Link>
            <SignOutButton />
          </div>
        </div>
        <nav aria-label="メインメニュー" className="mx-auto max-w-7xl overflow-x-auto px-4">
          <ul className="flex gap-1">
            {NAV_ITEMS[context.role].map((item) => (
              <li key={item.href}>
                <NavLink href={item.href}>{item.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
        {children}
      </main>
      <footer className="no-print border-t border-gray-200 bg-white py-4 text-center text-xs text-gray-500">
        Renkei（連携）— かかりつけ医機能報告・在宅医療連携拠点 自己評価・協議の場 資料
      </footer>
    </div>
  );
}

export function DemoBanner() {
  return (
    <div className="bg-amber-100 px-4 py-1.5 text-center text-sm font-medium text-amber-950" role="note">
      架空のデモデータ — 表示される医療機関・拠点・回答はすべて架空のものです（人口は概数）。
    </div>
  );
}
