import { describe, expect, it } from "vitest";
import colors from "tailwindcss/colors";
import { NO_DATA_CLASS, SHADE_CLASSES } from "./shade";

// JIS X 8341-3 AA (WCAG 1.4.3): text on every shade of the heatmaps and the tile map must reach
// 4.5:1. The pairs are read from the class strings the components use, so a changed shade is
// checked the moment it is written.

/** WCAG 2 relative luminance of a #rgb or #rrggbb colour. */
function luminance(color: string): number {
  const hex = color.length === 4 ? `#${[...color.slice(1)].map((c) => c + c).join("")}` : color;
  const channel = (i: number) => {
    const value = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** "bg-teal-700 text-white" → the hex colours of its background and text. */
function pairOf(classes: string): { background: string; text: string } {
  const palette = colors as unknown as Record<string, string | Record<string, string>>;
  const lookup = (prefix: "bg" | "text") => {
    const token = classes.split(/\s+/).find((c) => c.startsWith(`${prefix}-`));
    if (!token) throw new Error(`no ${prefix}- class in "${classes}"`);
    const [name, shade] = token.slice(prefix.length + 1).split("-") as [string, string | undefined];
    const entry = palette[name];
    const hex = typeof entry === "string" ? entry : shade ? entry?.[shade] : undefined;
    if (!hex?.startsWith("#")) throw new Error(`unknown colour ${token}`);
    return hex;
  };
  return { background: lookup("bg"), text: lookup("text") };
}

describe("heatmap and tile-map shades", () => {
  const cases = [
    ...Object.entries(SHADE_CLASSES).map(([level, classes]) => ({ name: `level ${level}`, classes })),
    { name: "no data", classes: NO_DATA_CLASS },
  ];

  it.each(cases)("$name ($classes) has text at 4.5:1 or more", ({ classes }) => {
    const { background, text } = pairOf(classes);
    expect(contrastRatio(background, text)).toBeGreaterThanOrEqual(4.5);
  });

  it("computes the known figures of the old shades (the contrast function is right)", () => {
    // White on teal-600 and gray-500 on gray-100 were the failing pairs axe reported.
    expect(contrastRatio(colors.white, colors.teal[600])).toBeCloseTo(3.74, 2);
    expect(contrastRatio(colors.gray[500], colors.gray[100])).toBeCloseTo(4.39, 2);
    expect(contrastRatio("#000000", "#ffffff")).toBe(21);
  });

  it("keeps the shades in order from light to dark", () => {
    const darkness = Object.values(SHADE_CLASSES).map((c) => -luminance(pairOf(c).background));
    expect([...darkness].sort((a, b) => a - b)).toEqual(darkness);
  });
});
