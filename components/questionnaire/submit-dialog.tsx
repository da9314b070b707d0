"use client";
import { useEffect, useRef } from "react";
import type { TQuestionnaireDefinition } from "@/lib/questionnaire/definition";
import type { TDerivedStatus } from "@/lib/questionnaire/derive";
import type { THubScores } from "@/lib/questionnaire/score";
import { Button } from "@/components/ui/button";
import { StatusPanel } from "./status-panel";
import { REVISION_KIND_LABELS } from "@/lib/domain/labels";
import type { RevisionKind } from "@/lib/generated/prisma/enums";

/** Confirmation before submitting: what will be reported, and that it goes to the prefecture. */
export function SubmitDialog({
  open,
  submitting,
  definition,
  derived,
  scores,
  nextRevision,
  nextKind,
  onCancel,
  onConfirm,
}: Readonly<{
  open: boolean;
  submitting: boolean;
  definition: TQuestionnaireDefinition;
  derived: TDerivedStatus;
  scores: THubScores | null;
  nextRevision: number;
  nextKind: RevisionKind;
  onCancel: () => void;
  onConfirm: () => void;
}>) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby="submit-dialog-title"
      className="w-full max-w-lg rounded-lg p-0 shadow-xl backdrop:bg-gray-900/50"
      onCancel={(e) => {
        e.preventDefault();
        if (!submitting) onCancel();
      }}
    >
      <div className="space-y-4 p-6">
        <h2 id="submit-dialog-title" className="text-lg font-semibold">
          {nextKind === "INITIAL"
            ? "報告を提出しますか？"
            : nextKind === "RESUBMISSION"
              ? `第${nextRevision}版を再提出しますか？`
              : `${REVISION_KIND_LABELS.AMENDMENT}（第${nextRevision}版）を提出しますか？`}
        </h2>
        <p className="text-sm text-gray-700">
          {definition.title}
          を都道府県に提出します。提出後も期限内であれば修正して再提出でき、都道府県の確認後は「変更報告」で変更できます。
        </p>
        <StatusPanel
          definition={definition}
          derived={derived}
          scores={scores}
          title={scores ? "自己評価の状況" : "提出内容から判定される機能"}
        />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onCancel} disabled={submitting}>
            戻って修正する
          </Button>
          <Button onClick={onConfirm} disabled={submitting} data-testid="confirm-submit">
            {submitting ? "提出しています…" : "提出する"}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
