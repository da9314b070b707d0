// Sign-in outcomes travel from the server to the login form as short codes (next-auth passes
// the thrown message through as `error`); the form turns them into these Japanese messages.
export const SIGN_IN_ERROR_INVALID = "INVALID_CREDENTIALS";
export const SIGN_IN_ERROR_THROTTLED_PREFIX = "THROTTLED:";

export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  if (code.startsWith(SIGN_IN_ERROR_THROTTLED_PREFIX)) {
    const seconds = Number(code.slice(SIGN_IN_ERROR_THROTTLED_PREFIX.length)) || 1;
    return `ログインの失敗が続いたため、次の試行まで少しお待ちいただいています。${waitLabel(seconds)}後にもう一度お試しください。パスワードが分からない場合は、都道府県の担当者にお問い合わせください。`;
  }
  if (code === SIGN_IN_ERROR_INVALID || code === "CredentialsSignin") {
    return "メールアドレスまたはパスワードが正しくありません。";
  }
  if (code === "SessionRequired") return "ログインしてください。";
  return "ログインできませんでした。時間をおいて再度お試しください。";
}

/** E-mail as typed in a Japanese IME may contain full-width characters; compare in NFKC lower case. */
export function normalizeEmail(email: string): string {
  return email.normalize("NFKC").trim().toLowerCase();
}

/** "30秒" / "約5分": how long to wait, as people say it. */
export function waitLabel(seconds: number): string {
  return seconds < 60 ? `${Math.max(1, Math.ceil(seconds))}秒` : `約${Math.ceil(seconds / 60)}分`;
}
