"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useForm, type UseFormRegisterReturn } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { signInErrorMessage } from "@/lib/auth/messages";
import { safeCallbackPath } from "@/lib/auth/safe-redirect";

const ZLogin = z.object({
  email: z.string().trim().min(1, { error: "メールアドレスを入力してください。" }),
  password: z.string().min(1, { error: "パスワードを入力してください。" }),
});
type TLogin = z.infer<typeof ZLogin>;

export function LoginForm({
  callbackUrl,
  initialError,
  signedOut,
}: Readonly<{ callbackUrl?: string; initialError?: string; signedOut?: boolean }>) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(signInErrorMessage(initialError));
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<TLogin>({ resolver: zodResolver(ZLogin) });

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      setError(signInErrorMessage(result?.error ?? "CredentialsSignin"));
      return;
    }
    router.replace(safeCallbackPath(callbackUrl, window.location.origin));
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {signedOut && !error && <Notice tone="success">ログアウトしました。</Notice>}
      {error && <Notice tone="error">{error}</Notice>}
      <CredentialField
        id="email"
        label="メールアドレス"
        type="email"
        autoComplete="username"
        error={errors.email?.message}
        {...register("email")}
      />
      <CredentialField
        id="password"
        label="パスワード"
        type="password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...register("password")}
      />
      <Button type="submit" className="w-full" size="lg" disabled={isSubmitting}>
        {isSubmitting ? "確認しています…" : "ログイン"}
      </Button>
    </form>
  );
}

function CredentialField({
  id,
  label,
  type,
  autoComplete,
  error,
  ...registration
}: Readonly<
  { id: string; label: string; type: string; autoComplete: string; error?: string } & UseFormRegisterReturn
>) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-gray-700">
        {label}
      </label>
      <input
        id={id}
        type={type}
        autoComplete={autoComplete}
        className="mt-1 block w-full rounded-md border-gray-300 shadow-sm focus:border-teal-600 focus:ring-teal-600"
        aria-invalid={error ? "true" : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...registration}
      />
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
