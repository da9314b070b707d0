"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { FormProvider, useForm, useWatch, type FieldErrors, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { TItem, TQuestionnaireDefinition } from "@/lib/questionnaire/definition";
import { itemIndex } from "@/lib/questionnaire/definition";
import { isEmptyAnswer, type TAnswers } from "@/lib/questionnaire/answers";
import { buildAnswersSchema } from "@/lib/questionnaire/answer-schema";
import { evaluateAnswers } from "@/lib/questionnaire/derive";
import { STAR_LEGEND } from "@/lib/questionnaire/format";
import { computeHubScores, scoreGroups } from "@/lib/questionnaire/score";
import { callApi } from "@/lib/http/client";
import type { TApiError } from "@/lib/http/types";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { FieldShell } from "./field-shell";
import { MultiChoiceInput, ScalarInput, isGroupedInput } from "./fields";
import { PartnersInput } from "./partners-field";
import { GroupInput } from "./group-field";
import { StatusPanel } from "./status-panel";
import { SectionNav, type TSectionProgress } from "./section-nav";
import { ErrorSummary, type TErrorEntry } from "./error-summary";
import { SaveIndicator } from "./save-indicator";
import { SubmitDialog } from "./submit-dialog";
import { errorAt, flattenErrors } from "./errors";
import { useAutosave } from "./use-autosave";
import { SUBMIT_BUTTON_LABELS } from "@/lib/domain/labels";
import {
  evaluateSoftRules,
  unexplainedRequired,
  type TExplanations,
  type TSoftRuleContext,
  type TSoftRuleSet,
} from "@/lib/questionnaire/soft-rules";
import { SoftWarnings } from "./soft-warnings";
import type { RevisionKind } from "@/lib/generated/prisma/enums";

export type TQuestionnaireFormProps = Readonly<{
  definition: TQuestionnaireDefinition;
  /** `/api/v1/respondent/cycles/<id>` */
  apiBase: string;
  /** Where the receipt of a revision is shown. */
  receiptHref: string;
  initialAnswers: TAnswers;
  draftVersion: number;
  savedAt: string | null;
  ndbValues: Record<string, number>;
  editable: boolean;
  /** The revision a submission will create (1 for the first report, n+1 for 変更報告). */
  nextRevision: number;
  /** 初回提出, 再提出 (差戻し or not yet reviewed) or 変更報告 (after 確認済み): the words on the button. */
  nextKind: RevisionKind;
  copyPrevious: { fiscalYearLabel: string } | null;
  /** Soft rules of the bound version (without administrators' notes), their inputs and the saved explanations. */
  softRules?: { ruleSet: TSoftRuleSet | null; context: TSoftRuleContext; explanations: TExplanations } | null;
  /** 照会 not yet closed, by item key: shown next to the item (issue 16). */
  itemNotes?: Readonly<Record<string, readonly string[]>>;
}>;

/**
 * The questionnaire as a form: sections with per-section completion, autosave, live derived
 * status, 前年度の回答を引用, and submission with a confirmation step. Validation is the same
 * answer schema the server applies.
 */
export function QuestionnaireForm(props: TQuestionnaireFormProps) {
  const { definition, apiBase, editable } = props;
  const router = useRouter();
  const items = useMemo(() => itemIndex(definition), [definition]);
  const submitSchema = useMemo(() => buildAnswersSchema(definition, "submit"), [definition]);
  const draftSchema = useMemo(() => buildAnswersSchema(definition, "draft"), [definition]);
  const hasScores = useMemo(() => scoreGroups(definition).length > 0, [definition]);

  const methods = useForm<TAnswers>({
    defaultValues: props.initialAnswers,
    resolver: zodResolver(submitSchema) as unknown as Resolver<TAnswers>,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const { control, getValues, setError, clearErrors, handleSubmit, reset, formState } = methods;
  const values = useWatch({ control }) as TAnswers;
  const evaluation = useMemo(() => evaluateAnswers(definition, values), [definition, values]);
  const scores = useMemo(
    () => (hasScores ? computeHubScores(definition, values) : null),
    [definition, values, hasScores],
  );

  // --- soft rules: live warnings and their explanations (saved with the draft) ---
  const softRules = props.softRules ?? null;
  const warnings = useMemo(
    () => (softRules ? evaluateSoftRules(definition, softRules.ruleSet, values, softRules.context) : []),
    [definition, softRules, values],
  );
  const [explanations, setExplanations] = useState<TExplanations>(softRules?.explanations ?? {});
  const explanationsRef = useRef(explanations);
  explanationsRef.current = explanations;
  const [missingExplanations, setMissingExplanations] = useState<ReadonlySet<string>>(new Set());

  // --- autosave: invalid fields keep their last saved value until corrected ---
  const lastSaved = useRef<TAnswers>(props.initialAnswers);
  const collect = useCallback(() => {
    const current = { ...getValues() };
    const parsed = draftSchema.safeParse(current);
    const skippedKeys = new Set<string>();
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "");
        if (!items.has(key)) continue;
        skippedKeys.add(key);
        setError(issue.path.map(String).join("."), { type: "draft", message: issue.message });
      }
    }
    for (const key of skippedKeys) {
      if (key in lastSaved.current) current[key] = lastSaved.current[key];
      else delete current[key];
    }
    for (const key of Object.keys(current)) if (!items.has(key)) delete current[key];
    const extra = softRules ? { explanations: explanationsRef.current } : undefined;
    return { answers: current, skippedKeys: [...skippedKeys], extra };
  }, [draftSchema, getValues, items, setError, softRules]);
  const autosave = useAutosave({
    url: `${apiBase}/draft`,
    enabled: editable,
    initialVersion: props.draftVersion,
    initialSavedAt: props.savedAt,
    collect,
    onSaved: (answers) => {
      lastSaved.current = answers;
    },
  });

  useEffect(() => {
    if (!editable) return;
    const subscription = methods.watch((_value, info) => {
      if (!info.name) return;
      clearErrors(info.name.split(".")[0]);
      autosave.schedule();
    });
    return () => subscription.unsubscribe();
  }, [methods, editable, autosave, clearErrors]);

  // --- server-side field errors into the form ---
  const applyServerErrors = useCallback(
    (error: TApiError) => {
      for (const [path, messages] of Object.entries(error.fieldErrors ?? {})) {
        if (path.startsWith("_")) continue;
        setError(path, { type: "server", message: messages[0] });
      }
    },
    [setError],
  );
  useEffect(() => {
    if (autosave.state.kind === "invalid") applyServerErrors(autosave.state.error);
  }, [autosave.state, applyServerErrors]);

  // --- submission ---
  const [dialogOpen, setDialogOpen] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [banner, setBanner] = useState<TApiError | null>(null);
  const [summaryEntries, setSummaryEntries] = useState<TErrorEntry[]>([]);
  const [summaryTitle, setSummaryTitle] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const describeErrors = useCallback(
    (errors: FieldErrors): TErrorEntry[] => {
      const order = [...items.keys()];
      return flattenErrors(errors)
        .map(({ path, message }) => {
          const [key, row, field] = path.split(".");
          const item = items.get(key ?? "");
          let label = item?.label ?? path;
          if (item?.type === "group" && row !== undefined) {
            const cell = item.fields.find((f) => f.key === field);
            label = `${item.label}（${item.rowLabel}${Number(row) + 1}${cell ? `・${cell.label}` : ""}）`;
          }
          return { path, label, message, order: order.indexOf(key ?? "") };
        })
        .sort((a, b) => a.order - b.order)
        .map(({ path, label, message }) => ({ path, label, message }));
    },
    [items],
  );

  const showSummary = (errors: FieldErrors) => {
    setSummaryTitle(null);
    setSummaryEntries(describeErrors(errors));
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const onRequestSubmit = handleSubmit(
    () => {
      const missing = unexplainedRequired(warnings, explanations);
      setMissingExplanations(new Set(missing.map((w) => w.ruleId)));
      if (missing.length > 0) {
        setSummaryEntries(
          missing.map((w) => ({
            path: w.items[0] ?? w.ruleId,
            label: items.get(w.items[0] ?? "")?.label ?? w.ruleId,
            message: "確認事項の説明を記入してください。",
          })),
        );
        setSummaryTitle(`提出できません。説明の記入が必要な確認事項が${missing.length}件あります。`);
        requestAnimationFrame(() => summaryRef.current?.focus());
        return;
      }
      setSummaryEntries([]);
      setDialogOpen(true);
    },
    (errors) => showSummary(errors),
  );

  const confirmSubmit = async () => {
    if (submitting) return;
    setSubmitting(true);
    setBanner(null);
    const draftVersion = await autosave.flush();
    const result = await callApi<{ submissionId: string; revision: number }>("POST", `${apiBase}/submit`, {
      draftVersion,
      answers: getValues(),
      ...(softRules ? { explanations } : {}),
    });
    if (result.ok) {
      router.push(`${props.receiptHref}?revision=${result.data.revision}&submitted=1`);
      return;
    }
    setSubmitting(false);
    setDialogOpen(false);
    if (result.error.code === "INVALID_INPUT") {
      applyServerErrors(result.error);
      const unexplained = result.error.fieldErrors?._softWarnings ?? [];
      setMissingExplanations(new Set(unexplained));
      setSummaryTitle(unexplained.length > 0 ? result.error.message : null);
      setSummaryEntries(
        Object.entries(result.error.fieldErrors ?? {})
          .filter(([path]) => !path.startsWith("_"))
          .map(([path, messages]) => ({
            path,
            label: items.get(path.split(".")[0] ?? "")?.label ?? path,
            message: messages[0] ?? "",
          })),
      );
    }
    setBanner(result.error);
  };

  // --- 前年度の回答を引用 ---
  const [copyNotice, setCopyNotice] = useState<string | null>(null);
  const copyPrevious = async () => {
    if (
      !window.confirm(
        `${props.copyPrevious?.fiscalYearLabel}の提出内容を、まだ回答していない項目に引用します。よろしいですか。`,
      )
    )
      return;
    const draftVersion = await autosave.flush();
    const result = await callApi<{ answers: TAnswers; copied: string[] }>("POST", `${apiBase}/copy-previous`, {
      draftVersion,
      answers: getValues(),
    });
    if (!result.ok) {
      setBanner(result.error);
      return;
    }
    reset(result.data.answers, { keepDefaultValues: true });
    autosave.schedule();
    setCopyNotice(
      result.data.copied.length > 0
        ? `${props.copyPrevious?.fiscalYearLabel}の回答から${result.data.copied.length}項目を引用しました。今年度の状況に合わせて確認・修正してください。`
        : "引用できる項目はありませんでした（回答済みの項目や、毎年の実績値は引用しません）。",
    );
  };

  // --- progress per section ---
  const keysWithErrors = new Set(flattenErrors(formState.errors).map((e) => e.path.split(".")[0]));
  const progress: TSectionProgress[] = definition.sections
    .filter((s) => evaluation.visibility.sections.has(s.key))
    .map((section) => {
      const visible = section.items.filter((item) => evaluation.visibility.items.has(item.key));
      const required = visible.filter((item) => item.required || (item.type === "group" && item.minRows > 0));
      return {
        key: section.key,
        title: section.title,
        requiredTotal: required.length,
        requiredAnswered: required.filter((item) => !isEmptyAnswer(values[item.key])).length,
        errors: section.items.filter((item) => keysWithErrors.has(item.key)).length,
      };
    });

  const hasStars = definition.sections.some((s) => s.items.some((item) => item.star));
  const renderItem = (item: TItem) => {
    const error = errorAt(formState.errors, item.key);
    const ndbValue = item.ndbPrefill ? props.ndbValues[item.key] : undefined;
    const ndb = ndbValue === undefined ? undefined : { value: ndbValue, changed: values[item.key] !== ndbValue };
    const input =
      item.type === "multi" ? (
        <MultiChoiceInput item={item} name={item.key} disabled={!editable} invalid={Boolean(error)} />
      ) : item.type === "partners" ? (
        <PartnersInput item={item} name={item.key} disabled={!editable} />
      ) : item.type === "group" ? (
        <GroupInput item={item} name={item.key} disabled={!editable} />
      ) : (
        <ScalarInput item={item} name={item.key} disabled={!editable} invalid={Boolean(error)} />
      );
    const itemWarnings = warnings.filter((w) => w.items[0] === item.key);
    return (
      <div key={item.key}>
        <FieldShell
          item={item}
          name={item.key}
          error={error}
          required={item.required}
          ndb={ndb}
          notes={props.itemNotes?.[item.key]}
          asFieldset={isGroupedInput(item)}
        >
          {input}
        </FieldShell>
        <SoftWarnings
          warnings={itemWarnings}
          explanations={explanations}
          disabled={!editable}
          missing={missingExplanations}
          onExplain={(ruleId, text) => {
            setExplanations((current) => ({ ...current, [ruleId]: text }));
            autosave.schedule();
          }}
        />
      </div>
    );
  };

  return (
    <FormProvider {...methods}>
      <div className="gap-6 lg:grid lg:grid-cols-[17rem_minmax(0,1fr)]">
        <aside className="no-print mb-6 space-y-4 lg:sticky lg:top-4 lg:mb-0 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
          <SectionNav sections={progress} />
          <StatusPanel
            definition={definition}
            derived={evaluation.derived}
            scores={scores}
            live
            title={hasScores ? "自己評価の状況" : undefined}
          />
        </aside>
        <div className="min-w-0 space-y-5">
          {editable && (
            <div className="no-print sticky top-0 z-10 -mx-1 flex flex-wrap items-center justify-between gap-3 rounded-md border border-gray-200 bg-white/95 px-3 py-2 shadow-sm backdrop-blur">
              <SaveIndicator state={autosave.state} />
              {props.copyPrevious && (
                <Button variant="secondary" size="sm" onClick={() => void copyPrevious()}>
                  前年度の回答を引用
                </Button>
              )}
            </div>
          )}
          {autosave.state.kind === "stale" && (
            <Notice tone="error" title="別の画面でこの回答が更新されました">
              <p>{autosave.state.error.message}</p>
              <Button className="mt-2" size="sm" onClick={() => window.location.reload()}>
                最新の内容を読み込む
              </Button>
            </Notice>
          )}
          {autosave.state.kind === "blocked" && <Notice tone="error">{autosave.state.error.message}</Notice>}
          {banner && banner.code !== "INVALID_INPUT" && (
            <Notice tone="error">
              {banner.message}
              {banner.code === "STALE_REVISION" && (
                <Button className="ml-2" size="sm" variant="secondary" onClick={() => window.location.reload()}>
                  最新の内容を読み込む
                </Button>
              )}
            </Notice>
          )}
          {copyNotice && <Notice tone="success">{copyNotice}</Notice>}
          <ErrorSummary
            ref={summaryRef}
            title={summaryTitle ?? `提出できません。未回答または誤りのある項目が${summaryEntries.length}件あります。`}
            entries={summaryEntries}
          />
          <form onSubmit={(e) => e.preventDefault()} noValidate aria-label={definition.title}>
            {hasStars && (
              <p className="mb-3 text-sm text-gray-700" data-testid="star-legend">
                {STAR_LEGEND}
              </p>
            )}
            {definition.sections
              .filter((section) => evaluation.visibility.sections.has(section.key))
              .map((section) => (
                <section
                  key={section.key}
                  id={`sec-${section.key}`}
                  className="mb-5 scroll-mt-20 rounded-lg border border-gray-200 bg-white p-4 shadow-sm"
                >
                  <h2 className="border-b border-gray-100 pb-2 text-lg font-semibold text-gray-900">{section.title}</h2>
                  {section.description && <p className="mt-2 text-sm text-gray-600">{section.description}</p>}
                  <div className="mt-2 divide-y divide-gray-100">
                    {section.items.filter((item) => evaluation.visibility.items.has(item.key)).map(renderItem)}
                  </div>
                </section>
              ))}
            {definition.functions.some((f) => f.requires) &&
              definition.sections.some((s) => !evaluation.visibility.sections.has(s.key)) && (
                <Notice tone="info">
                  1号機能が「無し」と判定されるため、2号機能とその他の報告事項は報告不要です（表示されていません）。
                </Notice>
              )}
          </form>
          {editable && (
            <div className="no-print flex flex-wrap items-center justify-end gap-3 border-t border-gray-200 pt-4">
              <p className="text-sm text-gray-600">入力内容は自動で保存されます。提出すると都道府県に送られます。</p>
              <Button
                size="lg"
                onClick={() => void onRequestSubmit()}
                disabled={submitting || autosave.state.kind === "stale"}
              >
                内容を確認して{SUBMIT_BUTTON_LABELS[props.nextKind]}
              </Button>
            </div>
          )}
        </div>
      </div>
      <SubmitDialog
        open={dialogOpen}
        submitting={submitting}
        definition={definition}
        derived={evaluation.derived}
        scores={scores}
        nextRevision={props.nextRevision}
        nextKind={props.nextKind}
        onCancel={() => setDialogOpen(false)}
        onConfirm={() => void confirmSubmit()}
      />
    </FormProvider>
  );
}
