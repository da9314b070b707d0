"use client";
import type { UseFormRegisterReturn } from "react-hook-form";
import { errorClass } from "@/components/prefecture/form-styles";

export type TZoneOption = { id: string; name: string; schemeName: string };

/** The prefecture's zones as checkboxes, grouped by zone scheme, in one fieldset with its message. */
export function ZoneCheckboxes({
  id,
  zones,
  error,
  registration,
}: Readonly<{ id: string; zones: readonly TZoneOption[]; error?: string; registration: UseFormRegisterReturn }>) {
  const schemes = [...new Set(zones.map((z) => z.schemeName))];
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? "true" : undefined}>
      <legend className="block text-sm font-medium text-gray-700">担当する圏域（1つ以上）</legend>
      {zones.length === 0 && (
        <p className="text-sm text-gray-600">圏域がまだありません。先に「圏域」で登録してください。</p>
      )}
      {schemes.map((scheme) => (
        <div key={scheme} className="mt-2">
          <p className="text-xs text-gray-600">{scheme}</p>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-2">
            {zones
              .filter((z) => z.schemeName === scheme)
              .map((z) => (
                <label key={z.id} className="inline-flex min-h-[44px] items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    value={z.id}
                    className="h-5 w-5 rounded border-gray-400 text-teal-700"
                    {...registration}
                  />
                  {z.name}
                </label>
              ))}
          </div>
        </div>
      ))}
      {error && (
        <p id={`${id}-error`} className={errorClass}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
