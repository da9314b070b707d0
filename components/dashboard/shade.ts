import type { TShadeLevel } from "@/lib/summaries/shades";

// Heatmap and tile shades, light to dark teal. Written out in full so Tailwind finds the classes.
// The text colour flips on the dark shades to keep a 4.5:1 contrast; the value is always printed
// in the cell, so colour never carries the meaning alone.
export const SHADE_CLASSES: Record<TShadeLevel, string> = {
  0: "bg-teal-50 text-gray-900",
  1: "bg-teal-100 text-gray-900",
  2: "bg-teal-300 text-gray-900",
  3: "bg-teal-600 text-white",
  4: "bg-teal-800 text-white",
};

export const NO_DATA_CLASS = "bg-gray-100 text-gray-500";

export const shadeClass = (level: TShadeLevel | null): string =>
  level === null ? NO_DATA_CLASS : SHADE_CLASSES[level];
