"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { TSetPasswordState } from "@/app/set-password/actions";

const inputClass = "mt-1 block w-full rounded-md border-gray-300 shadow-sm focus:border-teal-600 focus:ring-teal-600";

/** Password and confirmation for a one-time link; the rules are checked again on the server. */
export function SetPasswordForm({
  token,
  email,
  minLength,
  action,
}: Readonly<{
  token: string;
  email: string;
  minLength: number;
  action: (state: TSetPasswordState, data: FormData) => Promise<TSetPasswordState>;
}>) {
  const [state, formAction, pending] = useActionState(action, { message: null });
  const fieldError = (field: string) => state.fieldErrors?.[field]?.[0];
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers store the new password under the right account. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      {state.message && !state.fieldErrors && <Notice tone="error">{state.message}</Notice>}
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-gray-700">
          新しいパスワード
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={minLength}
          className={inputClass}
          aria-invalid={fieldError("password") ? "true" : undefined}
          aria-describedby={`password-hint${fieldError("password") ? " password-error" : ""}`}
        />
        <p id="password-hint" className="mt-1 text-xs text-gray-500">
          {minLength}文字以上。メールアドレスと同じものは使えません。長めの文やフレーズがおすすめです。
        </p>
        {fieldError("password") && (
          <p id="password-error" className="mt-1 text-sm text-red-700">
            {fieldError("password")}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="confirm" className="block text-sm font-medium text-gray-700">
          新しいパスワード（確認）
        </label>
        <input
          id="confirm"
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          className={inputClass}
          aria-invalid={fieldError("confirm") ? "true" : undefined}
          aria-describedby={fieldError("confirm") ? "confirm-error" : undefined}
        />
        {fieldError("confirm") && (
          <p id="confirm-error" className="mt-1 text-sm text-red-700">
            {fieldError("confirm")}
          </p>
        )}
      </div>
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? "設定しています…" : "パスワードを設定する"}
      </Button>
    </form>
  );
}
