"use client";

/** An indicator the council may link: the zone's 課題の候補 first, then the whole catalogue. */
export type TIndicatorOption = { key: string; label: string; group: string; candidate: string | null };

/** <option>s: the 課題の候補 (with the zone's value) in their own group, then each catalogue group. */
export function IndicatorOptions({ options }: Readonly<{ options: readonly TIndicatorOption[] }>) {
  const candidates = options.filter((o) => o.candidate);
  const groups = [...new Set(options.map((o) => o.group))];
  return (
    <>
      {candidates.length > 0 && (
        <optgroup label="この圏域の課題の候補（県全体を下回る指標）">
          {candidates.map((o) => (
            <option key={`c-${o.key}`} value={o.key}>
              {o.label}（{o.candidate}）
            </option>
          ))}
        </optgroup>
      )}
      {groups.map((group) => (
        <optgroup key={group} label={group}>
          {options
            .filter((o) => o.group === group && !o.candidate)
            .map((o) => (
              <option key={o.key} value={o.key}>
                {o.label}
              </option>
            ))}
        </optgroup>
      ))}
    </>
  );
}
