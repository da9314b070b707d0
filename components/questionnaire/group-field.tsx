"use client";
import { useFieldArray, useFormContext } from "react-hook-form";
import type { TItemOf } from "@/lib/questionnaire/definition";
import type { TAnswers } from "@/lib/questionnaire/answers";
import { Button } from "@/components/ui/button";
import { FieldShell } from "./field-shell";
import { ScalarInput, isGroupedInput } from "./fields";
import { errorAt } from "./errors";

/** A repeating group (e.g. the PDCA table): one card per row, rows added and removed freely. */
export function GroupInput({
  item,
  name,
  disabled,
}: Readonly<{ item: TItemOf<"group">; name: string; disabled: boolean }>) {
  const { control, formState } = useFormContext<TAnswers>();
  const { fields, append, remove } = useFieldArray({ control, name: name as never });
  return (
    <div className="space-y-3">
      {fields.length === 0 && <p className="text-sm text-gray-600">まだ{item.rowLabel}がありません。</p>}
      {fields.map((row, index) => (
        <div key={row.id} className="rounded-md border border-gray-200 bg-gray-50/60 p-3">
          <div className="mb-1 flex items-center justify-between">
            <p className="text-sm font-semibold text-gray-800">
              {item.rowLabel} {index + 1}
            </p>
            {!disabled && (
              <Button
                variant="ghost"
                size="sm"
                onClick={() => remove(index)}
                aria-label={`${item.rowLabel} ${index + 1} を削除`}
              >
                削除
              </Button>
            )}
          </div>
          <div className="grid gap-x-4 md:grid-cols-2">
            {item.fields.map((field) => {
              const cell = `${name}.${index}.${field.key}`;
              const error = errorAt(formState.errors, cell);
              return (
                <FieldShell
                  key={field.key}
                  item={field}
                  name={cell}
                  error={error}
                  required={field.required}
                  asFieldset={isGroupedInput(field)}
                >
                  <ScalarInput item={field} name={cell} disabled={disabled} invalid={Boolean(error)} />
                </FieldShell>
              );
            })}
          </div>
        </div>
      ))}
      {!disabled && fields.length < item.maxRows && (
        <Button variant="secondary" size="sm" onClick={() => append({} as never)}>
          ＋ {item.rowLabel}を追加
        </Button>
      )}
    </div>
  );
}
