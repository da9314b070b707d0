// Sign-in outcomes travel from the server to the login form as short codes (next-auth passes
// the thrown message through as `error`); the form turns them into these Japanese messages.
export const SIGN_IN_ERROR_INVALID = "INVALID_CREDENTIALS";
export const SIGN_IN_ERROR_LOCKED_PREFIX = "LOCKED:";

export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  if (code.startsWith(SIGN_IN_ERROR_LOCKED_PREFIX)) {
    const minutes = Number(code.slice(SIGN_IN_ERROR_LOCKED_PREFIX.length)) || 15;
    return `ログインの失敗が続いたため、このアカウントのログインを一時的に停止しています。${minutes}分後にもう一度お試しください。`;
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
