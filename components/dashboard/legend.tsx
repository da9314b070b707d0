import type { TShadeLevel } from "@/lib/summaries/shades";
import { NO_DATA_CLASS, SHADE_CLASSES } from "./shade";

/** The colour key of a heatmap or tile map; each swatch is labelled with its range. */
export function ShadeLegend({
  items,
  noDataLabel = "データなし",
  note,
  label = "凡例",
}: Readonly<{
  items: { level: TShadeLevel; label: string }[];
  noDataLabel?: string | null;
  note?: string;
  label?: string;
}>) {
  return (
    <div
      className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-gray-700"
      role="group"
      aria-label={label}
    >
      <span className="font-medium">{label}:</span>
      {items.map((item) => (
        <span key={item.level} className="inline-flex items-center gap-1">
          <span
            aria-hidden="true"
            className={`inline-block h-3 w-5 rounded-sm ring-1 ring-gray-300 ${SHADE_CLASSES[item.level]}`}
          />
          {item.label}
        </span>
      ))}
      {noDataLabel && (
        <span className="inline-flex items-center gap-1">
          <span
            aria-hidden="true"
            className={`inline-block h-3 w-5 rounded-sm ring-1 ring-gray-300 ${NO_DATA_CLASS}`}
          />
          {noDataLabel}
        </span>
      )}
      {note && <span>{note}</span>}
    </div>
  );
}
