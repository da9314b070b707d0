// The fixed demo accounts (README, sign-in page, seed and tests share this list).
export const DEMO_PASSWORD = "renkei-demo";

/**
 * The demo officer's and administrator's TOTP secret (base32), fixed and public like the demo
 * password: `npm run renkei -- demo-totp` prints the current code; an authenticator app can be
 * given this key. Real accounts each enrol their own secret.
 */
export const DEMO_TOTP_SECRET = "RENKEIDEMOTOTPKEYFORPREFANDADMIN";

export const DEMO_ACCOUNTS = [
  { email: "admin@demo.renkei.jp", role: "admin", description: "全国管理者（2段階認証あり）", totp: true },
  { email: "pref@demo.renkei.jp", role: "prefecture", description: "福井県 担当者（2段階認証あり）", totp: true },
  { email: "council@demo.renkei.jp", role: "council", description: "丹南 協議の場 委員" },
  { email: "clinic@demo.renkei.jp", role: "institution", description: "診療所（丹南・鯖江市）" },
  { email: "hub@demo.renkei.jp", role: "hub", description: "丹南 在宅医療連携拠点" },
] as const;
