import { inputClass, labelClass } from "./form-styles";

export type TOption = { value: string; label: string };
export type TOptionGroup = { label: string; options: TOption[] };

/** A labelled <select> for a GET filter form (works without JavaScript). */
export function SelectFilter({
  name,
  label,
  value,
  options,
  groups,
  allLabel = "すべて",
}: Readonly<{
  name: string;
  label: string;
  value: string | undefined;
  options?: TOption[];
  groups?: TOptionGroup[];
  allLabel?: string;
}>) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className={labelClass}>
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""} className={inputClass}>
        <option value="">{allLabel}</option>
        {options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {groups?.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
