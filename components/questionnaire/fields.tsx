"use client";
import { useEffect, useState } from "react";
import { useController, useFormContext } from "react-hook-form";
import type { TGroupField, TItem, TItemOf } from "@/lib/questionnaire/definition";
import type { TAnswers } from "@/lib/questionnaire/answers";
import { numberToInput, parseNumberInput } from "@/lib/questionnaire/input";
import { cx } from "@/components/ui/cx";
import { describedBy, fieldId } from "./field-shell";

// One input per item type. Every input is controlled through react-hook-form by the item key
// (or "group.row.field" inside a repeating group) and disabled in read-only mode.

export type TInputProps<I> = Readonly<{ item: I; name: string; disabled: boolean; invalid: boolean }>;

const inputClasses =
  "block w-full rounded-md border-gray-300 shadow-sm focus:border-teal-600 focus:ring-teal-600 disabled:bg-gray-100 disabled:text-gray-700";

function useField(name: string) {
  const { control } = useFormContext<TAnswers>();
  return useController({ name, control }).field;
}

function ClearButton({ onClear, disabled }: Readonly<{ onClear: () => void; disabled: boolean }>) {
  if (disabled) return null;
  return (
    <button type="button" onClick={onClear} className="ml-1 text-xs text-gray-500 underline hover:text-gray-800">
      選択を解除
    </button>
  );
}

export function SingleChoiceInput({
  item,
  name,
  disabled,
  invalid,
}: TInputProps<TItemOf<"single"> | Extract<TGroupField, { type: "single" }>>) {
  const field = useField(name);
  const value = typeof field.value === "string" ? field.value : "";
  if (item.display === "select") {
    return (
      <select
        id={fieldId(name)}
        className={cx(inputClasses, "max-w-xl")}
        value={value}
        disabled={disabled}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(name, item, invalid)}
        onChange={(e) => field.onChange(e.target.value === "" ? null : e.target.value)}
        onBlur={field.onBlur}
      >
        <option value="">（選択してください）</option>
        {item.options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  return (
    <div className="space-y-1.5">
      {item.options.map((o) => (
        <label key={o.code} className="flex cursor-pointer items-start gap-2 text-sm">
          <input
            type="radio"
            name={fieldId(name)}
            className="mt-1 border-gray-400 text-teal-700 focus:ring-teal-600"
            checked={value === o.code}
            disabled={disabled}
            onChange={() => field.onChange(o.code)}
            onBlur={field.onBlur}
          />
          <span>
            <span className="mr-1 text-xs text-gray-500">{/^\d+$/.test(o.code) ? `${o.code}:` : ""}</span>
            {o.label}
          </span>
        </label>
      ))}
      {value && <ClearButton disabled={disabled} onClear={() => field.onChange(null)} />}
    </div>
  );
}

export function MultiChoiceInput({ item, name, disabled }: TInputProps<TItemOf<"multi">>) {
  const field = useField(name);
  const selected = Array.isArray(field.value) ? (field.value as string[]) : [];
  const toggle = (code: string, checked: boolean) => {
    const option = item.options.find((o) => o.code === code);
    // An exclusive choice (該当無し) clears the others, and any other choice clears it.
    let next = checked ? [...selected, code] : selected.filter((c) => c !== code);
    if (checked && option?.exclusive) next = [code];
    if (checked && !option?.exclusive) next = next.filter((c) => !item.options.find((o) => o.code === c)?.exclusive);
    const order = item.options.map((o) => o.code);
    field.onChange(next.sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  };
  return (
    <div className={cx("grid gap-x-4 gap-y-1.5", item.options.length > 6 ? "sm:grid-cols-2 lg:grid-cols-3" : "")}>
      {item.options.map((o) => (
        <label key={o.code} className="flex cursor-pointer items-start gap-2 text-sm">
          <input
            type="checkbox"
            className="mt-1 rounded border-gray-400 text-teal-700 focus:ring-teal-600"
            checked={selected.includes(o.code)}
            disabled={disabled}
            onChange={(e) => toggle(o.code, e.target.checked)}
            onBlur={field.onBlur}
          />
          <span>
            <span className="mr-1 text-xs text-gray-500">{/^\d+$/.test(o.code) ? `${o.code}:` : ""}</span>
            {o.label}
          </span>
        </label>
      ))}
    </div>
  );
}

export function YesNoInput({
  item,
  name,
  disabled,
}: TInputProps<TItemOf<"yesno"> | Extract<TGroupField, { type: "yesno" }>>) {
  const field = useField(name);
  const value = typeof field.value === "boolean" ? field.value : null;
  return (
    <div className="flex flex-wrap items-center gap-x-6 gap-y-1.5">
      {([true, false] as const).map((choice) => (
        <label key={String(choice)} className="flex cursor-pointer items-center gap-2 text-sm">
          <input
            type="radio"
            name={fieldId(name)}
            className="border-gray-400 text-teal-700 focus:ring-teal-600"
            checked={value === choice}
            disabled={disabled}
            onChange={() => field.onChange(choice)}
            onBlur={field.onBlur}
          />
          {choice ? item.yesLabel : item.noLabel}
        </label>
      ))}
      {value !== null && <ClearButton disabled={disabled} onClear={() => field.onChange(null)} />}
    </div>
  );
}

export function NumberInput({
  item,
  name,
  disabled,
  invalid,
}: TInputProps<TItemOf<"integer"> | TItemOf<"decimal"> | Extract<TGroupField, { type: "integer" | "decimal" }>>) {
  const field = useField(name);
  // Local text so "1." or "１２" can be typed; the form value is the parsed number (or the raw
  // text when it is not a number, which validation then names).
  const [text, setText] = useState(numberToInput(field.value));
  useEffect(() => {
    const parsed = parseNumberInput(text);
    if (parsed !== field.value && !(parsed === null && (field.value === undefined || field.value === null))) {
      setText(numberToInput(field.value));
    }
    // Only react to outside changes of the value (reset, 前年度の回答を引用).
  }, [field.value]);
  return (
    <div className="flex items-center gap-2">
      <input
        id={fieldId(name)}
        type="text"
        inputMode={item.type === "integer" ? "numeric" : "decimal"}
        className={cx(inputClasses, "max-w-[12rem] text-right tabular-nums")}
        value={text}
        disabled={disabled}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(name, item, invalid)}
        onChange={(e) => {
          setText(e.target.value);
          field.onChange(parseNumberInput(e.target.value));
        }}
        onBlur={field.onBlur}
      />
      {item.unit && <span className="text-sm text-gray-700">{item.unit}</span>}
      {item.type === "decimal" && <span className="text-xs text-gray-500">小数点以下{item.decimals}桁まで</span>}
    </div>
  );
}

export function TextInput({
  item,
  name,
  disabled,
  invalid,
}: TInputProps<TItemOf<"text"> | Extract<TGroupField, { type: "text" }>>) {
  const field = useField(name);
  const value = typeof field.value === "string" ? field.value : "";
  const common = {
    id: fieldId(name),
    value,
    disabled,
    "aria-invalid": invalid || undefined,
    "aria-describedby": describedBy(name, item, invalid),
    onChange: (e: { target: { value: string } }) => field.onChange(e.target.value),
    onBlur: field.onBlur,
  };
  const length = [...value].length;
  const inputType = item.format === "email" ? "email" : item.format === "tel" ? "tel" : "text";
  return (
    <div>
      {item.multiline ? (
        <textarea {...common} rows={4} className={cx(inputClasses, "max-w-3xl")} />
      ) : (
        <input {...common} type={inputType} className={cx(inputClasses, "max-w-xl")} />
      )}
      {item.maxLength < 20_000 && (
        <p className={cx("mt-1 text-xs", length > item.maxLength ? "font-semibold text-red-700" : "text-gray-500")}>
          {length.toLocaleString("ja-JP")} / {item.maxLength.toLocaleString("ja-JP")}文字
        </p>
      )}
    </div>
  );
}

export function DateInput({
  item,
  name,
  disabled,
  invalid,
}: TInputProps<TItemOf<"date"> | Extract<TGroupField, { type: "date" }>>) {
  const field = useField(name);
  return (
    <input
      id={fieldId(name)}
      type="date"
      className={cx(inputClasses, "max-w-[12rem]")}
      value={typeof field.value === "string" ? field.value : ""}
      disabled={disabled}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy(name, item, invalid)}
      onChange={(e) => field.onChange(e.target.value === "" ? null : e.target.value)}
      onBlur={field.onBlur}
    />
  );
}

/** Inputs of the scalar types, also used for the cells of repeating groups. */
export function ScalarInput({
  item,
  ...props
}: TInputProps<TGroupField | Exclude<TItem, { type: "multi" | "partners" | "group" }>>) {
  switch (item.type) {
    case "single":
      return <SingleChoiceInput item={item} {...props} />;
    case "yesno":
      return <YesNoInput item={item} {...props} />;
    case "integer":
    case "decimal":
      return <NumberInput item={item} {...props} />;
    case "text":
      return <TextInput item={item} {...props} />;
    case "date":
      return <DateInput item={item} {...props} />;
  }
}

/** Radio and checkbox groups are fieldsets; single inputs use a label. */
export function isGroupedInput(item: TItem | TGroupField): boolean {
  return item.type === "single"
    ? item.display !== "select"
    : item.type === "multi" || item.type === "yesno" || item.type === "partners" || item.type === "group";
}
