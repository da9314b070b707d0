import type { TRole } from "@/lib/auth/roles";

export type TNavItem = { href: string; label: string };

/** Each role's navigation. Links outside a role's area are never shown to it. */
export const NAV_ITEMS: Record<TRole, TNavItem[]> = {
  institution: [{ href: "/institution", label: "ホーム" }],
  hub: [{ href: "/hub", label: "ホーム" }],
  prefecture: [
    { href: "/prefecture", label: "ホーム" },
    { href: "/prefecture/cycles", label: "報告サイクル" },
    { href: "/prefecture/submissions", label: "提出状況・確認" },
    { href: "/prefecture/dashboard", label: "ダッシュボード" },
    { href: "/prefecture/packets", label: "協議の場資料" },
    { href: "/prefecture/councils", label: "協議の記録" },
    { href: "/prefecture/roster", label: "医療機関名簿" },
    { href: "/prefecture/zones", label: "圏域・人口" },
    { href: "/prefecture/accounts", label: "アカウント" },
    { href: "/prefecture/audit", label: "監査ログ" },
  ],
  council: [
    { href: "/council", label: "ホーム" },
    { href: "/council/hubs", label: "在宅医療連携拠点" },
    { href: "/council/packets", label: "協議の場資料" },
    { href: "/council/records", label: "協議の記録" },
  ],
  admin: [
    { href: "/admin", label: "全国" },
    { href: "/admin/questionnaires", label: "調査票の版" },
    { href: "/admin/officers", label: "都道府県の担当者" },
    { href: "/admin/publication", label: "公表" },
  ],
};
