// The fixed demo accounts (README, sign-in page, seed and tests share this list).
export const DEMO_PASSWORD = "renkei-demo";

export const DEMO_ACCOUNTS = [
  { email: "admin@demo.renkei.jp", role: "admin", description: "全国管理者" },
  { email: "pref@demo.renkei.jp", role: "prefecture", description: "福井県 担当者" },
  { email: "council@demo.renkei.jp", role: "council", description: "丹南 協議の場 委員" },
  { email: "clinic@demo.renkei.jp", role: "institution", description: "診療所（丹南・鯖江市）" },
  { email: "hub@demo.renkei.jp", role: "hub", description: "丹南 在宅医療連携拠点" },
] as const;
