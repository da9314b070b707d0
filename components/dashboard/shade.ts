import type { TShadeLevel } from "@/lib/summaries/shades";

// Heatmap and tile shades, light to dark teal. Written out in full so Tailwind finds the classes.
// The text colour flips on the dark shades; every pair reaches 4.5:1 (shade.test.ts computes
// them: teal-600 under white was 3.74:1, hence teal-700). The value is always printed in the
// cell, so colour never carries the meaning alone.
export const SHADE_CLASSES: Record<TShadeLevel, string> = {
  0: "bg-teal-50 text-gray-900",
  1: "bg-teal-100 text-gray-900",
  2: "bg-teal-300 text-gray-900",
  3: "bg-teal-700 text-white",
  4: "bg-teal-900 text-white",
};

export const NO_DATA_CLASS = "bg-gray-100 text-gray-600";

export const shadeClass = (level: TShadeLevel | null): string =>
  level === null ? NO_DATA_CLASS : SHADE_CLASSES[level];
