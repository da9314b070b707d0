import Link from "next/link";
import type { ReactNode } from "react";

/** The frame of the public side (公表): no account, no menu of roles; prints without the chrome. */
export function PublicShell({ children }: Readonly<{ children: ReactNode }>) {
  return (
    <div className="flex min-h-screen flex-col bg-white print:block">
      <header className="no-print border-b border-gray-200 bg-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <Link href="/public" className="flex items-baseline gap-2">
            <span className="text-xl font-bold text-teal-800">連携</span>
            <span className="text-sm font-semibold tracking-wide text-gray-600">Renkei</span>
            <span className="text-sm text-gray-700">かかりつけ医機能の公表</span>
          </Link>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
        {children}
      </main>
      <footer className="no-print border-t border-gray-200 py-4 text-center text-xs text-gray-600">
        都道府県が確認したかかりつけ医機能報告の内容を公表しています（医療法第30条の18の4）。
      </footer>
    </div>
  );
}

export function PublicDemoNote() {
  return (
    <p className="mb-4 rounded bg-amber-100 px-3 py-1.5 text-sm font-medium text-amber-950" role="note">
      架空のデモデータ — 表示される医療機関と報告内容はすべて架空のものです。
    </p>
  );
}

/** Where the page sits: 公表トップ › 福井県 › 丹南. */
export function Breadcrumbs({ items }: Readonly<{ items: { href?: string; label: string }[] }>) {
  return (
    <nav aria-label="現在の位置" className="no-print mb-3 text-sm">
      <ol className="flex flex-wrap gap-1 text-gray-700">
        {items.map((item, i) => (
          <li key={`${item.label}-${i}`} className="flex gap-1">
            {i > 0 && <span aria-hidden="true">›</span>}
            {item.href ? (
              <Link href={item.href} className="text-teal-800 underline">
                {item.label}
              </Link>
            ) : (
              <span aria-current="page">{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
