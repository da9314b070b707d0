// Page geometry, type sizes and colours shared by every document. Points (1/72 inch).

export const A4 = { width: 595.28, height: 841.89 } as const;
export const A4_LANDSCAPE = { width: A4.height, height: A4.width } as const;

export type TOrientation = "portrait" | "landscape";

export const pageSize = (orientation: TOrientation) => (orientation === "portrait" ? A4 : A4_LANDSCAPE);

/** Margins of the content area; the header and footer sit inside the top and bottom margins. */
export const MARGIN = { top: 56, bottom: 48, left: 42, right: 42 } as const;

export const contentBox = (orientation: TOrientation) => {
  const size = pageSize(orientation);
  return {
    x: MARGIN.left,
    y: MARGIN.top,
    width: size.width - MARGIN.left - MARGIN.right,
    height: size.height - MARGIN.top - MARGIN.bottom,
  };
};

export const COLORS = {
  text: "#1f2937",
  muted: "#6b7280",
  faint: "#9ca3af",
  rule: "#d1d5db",
  ruleLight: "#e5e7eb",
  headerFill: "#eef2f1",
  zebra: "#f8faf9",
  accent: "#0f766e",
  accentLight: "#ccfbf1",
  warn: "#b45309",
  warnFill: "#fef3c7",
  bad: "#b91c1c",
  badFill: "#fee2e2",
  demo: "#b91c1c",
  // Chart series: the zone, last year, the prefecture, other zones (colour-blind safe order).
  series: ["#0f766e", "#99c9c2", "#c2410c", "#6b7280", "#1d4ed8", "#a16207"],
} as const;

export const TYPE = {
  body: 9,
  small: 7.5,
  tiny: 6.5,
  table: 7.5,
  h1: 15,
  h2: 11.5,
  h3: 9.5,
  lineHeight: 1.55,
} as const;
