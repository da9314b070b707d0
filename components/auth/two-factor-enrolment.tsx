"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { NewRecoveryCodes } from "./new-recovery-codes";
import type { TEnrolmentState } from "@/app/two-factor/actions";

const inputClass = "mt-1 block w-full rounded-md border-gray-300 shadow-sm focus:border-teal-600 focus:ring-teal-600";

/** Enrolment: scan the QR code (or type the key), confirm with a first code, keep the recovery codes. */
export function TwoFactorEnrolment({
  qrSvgDataUrl,
  secret,
  sealed,
  callbackUrl,
  action,
}: Readonly<{
  qrSvgDataUrl: string;
  secret: string;
  sealed: string;
  callbackUrl?: string;
  action: (state: TEnrolmentState, data: FormData) => Promise<TEnrolmentState>;
}>) {
  const [state, formAction, pending] = useActionState(action, { message: null });
  if (state.recoveryCodes && state.next) return <NewRecoveryCodes codes={state.recoveryCodes} next={state.next} />;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="sealed" value={sealed} />
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <ol className="list-inside list-decimal space-y-2 text-sm text-gray-800">
        <li>スマートフォンに認証アプリ（Google Authenticator、Microsoft Authenticator など）を用意します。</li>
        <li>アプリでこの QR コードを読み取ります。読み取れない場合は、下のキーを入力します。</li>
        <li>アプリに表示された6桁の数字を入力します。</li>
      </ol>
      {/* A data URL made on the server: next/image has nothing to optimise. */}
      <img src={qrSvgDataUrl} alt="認証アプリで読み取る QR コード" width={200} height={200} className="mx-auto" />
      <p className="text-center text-sm">
        キー:{" "}
        <code className="break-all rounded bg-gray-100 px-1 font-mono" data-testid="totp-secret">
          {secret.replace(/(.{4})/g, "$1 ").trim()}
        </code>
      </p>
      {state.message && <Notice tone="error">{state.message}</Notice>}
      <div>
        <label htmlFor="code" className="block text-sm font-medium text-gray-700">
          確認コード（6桁）
        </label>
        <input
          id="code"
          name="code"
          autoComplete="one-time-code"
          inputMode="numeric"
          required
          className={inputClass}
          aria-invalid={state.fieldError ? "true" : undefined}
          aria-describedby={state.fieldError ? "code-error" : undefined}
        />
        {state.fieldError && (
          <p id="code-error" className="mt-1 text-sm text-red-700">
            {state.fieldError}
          </p>
        )}
      </div>
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? "確認しています…" : "設定を完了する"}
      </Button>
    </form>
  );
}
