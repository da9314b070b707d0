"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { callApi } from "@/lib/http/client";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

type TResult = {
  versionKey: string;
  outcome: "created" | "updated" | "unchanged";
  published: boolean;
  versionId: string;
};

/** Load a definition file (JSON) as a draft, or load and publish it. Errors are listed by path. */
export function DefinitionUpload() {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  const upload = async (publish: boolean) => {
    if (!file) return;
    setBusy(true);
    setErrors([]);
    setMessage(null);
    let definition: unknown;
    try {
      definition = JSON.parse(await file.text());
    } catch {
      setBusy(false);
      setErrors(["JSON として読み取れませんでした。ファイルの形式を確認してください。"]);
      return;
    }
    if (publish && !window.confirm("公開した版は変更できません。公開しますか？")) {
      setBusy(false);
      return;
    }
    const result = await callApi<TResult>("POST", "/api/v1/admin/questionnaires", { definition, publish });
    setBusy(false);
    if (!result.ok) {
      setErrors([result.error.message, ...(result.error.fieldErrors?.definition ?? [])]);
      return;
    }
    const outcome = {
      created: "登録しました",
      updated: "下書きを更新しました",
      unchanged: "同じ内容の版が登録済みです",
    }[result.data.outcome];
    setMessage(`${result.data.versionKey}: ${outcome}${result.data.published ? "（公開中）" : "（下書き）"}`);
    router.refresh();
  };

  return (
    <div className="space-y-3">
      <label className="block text-sm font-medium text-gray-700" htmlFor="definition-file">
        定義ファイル（JSON）
      </label>
      <input
        id="definition-file"
        type="file"
        accept="application/json,.json"
        className="block text-sm"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
      />
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" disabled={!file || busy} onClick={() => void upload(false)}>
          下書きとして登録（確認用）
        </Button>
        <Button disabled={!file || busy} onClick={() => void upload(true)}>
          登録して公開
        </Button>
      </div>
      {message && <Notice tone="success">{message}</Notice>}
      {errors.length > 0 && (
        <Notice tone="error" title={errors[0]}>
          <ul className="list-disc pl-5">
            {errors.slice(1, 51).map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </Notice>
      )}
    </div>
  );
}

export function PublishButton({ versionId }: Readonly<{ versionId: string }>) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="space-y-2">
      <Button
        disabled={busy}
        onClick={async () => {
          if (!window.confirm("公開した版は変更できません。公開しますか？")) return;
          setBusy(true);
          const result = await callApi("POST", `/api/v1/admin/questionnaires/${versionId}/publish`);
          setBusy(false);
          if (!result.ok) return setError(result.error.message);
          router.refresh();
        }}
      >
        この版を公開する
      </Button>
      {error && <Notice tone="error">{error}</Notice>}
    </div>
  );
}
