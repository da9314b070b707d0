import type { Config } from "tailwindcss";
import colors from "tailwindcss/colors";
import headlessui from "@headlessui/tailwindcss";
import forms from "@tailwindcss/forms";

// Tremor 3 on Tailwind 3 (docs/decisions/0004-charts.md). Tremor builds colour classes at run
// time (fill-blue-500 …), so they must be safelisted or charts render black.
const palette =
  "(?:slate|gray|zinc|neutral|stone|red|orange|amber|yellow|lime|green|emerald|teal|cyan|sky|blue|indigo|violet|purple|fuchsia|pink|rose)";
const shades = "(?:50|100|200|300|400|500|600|700|800|900|950)";

const config: Config = {
  content: [
    "./app/**/*.{ts,tsx}",
    "./components/**/*.{ts,tsx}",
    "./lib/**/*.{ts,tsx}",
    "./node_modules/@tremor/**/*.{js,ts,jsx,tsx}",
  ],
  theme: {
    transparent: "transparent",
    current: "currentColor",
    extend: {
      fontFamily: {
        // No web fonts are downloaded: the system's Japanese fonts are used.
        sans: [
          "Hiragino Kaku Gothic ProN",
          "Hiragino Sans",
          "Noto Sans JP",
          "Noto Sans CJK JP",
          "BIZ UDPGothic",
          "Yu Gothic UI",
          "Meiryo",
          "sans-serif",
        ],
      },
      colors: {
        tremor: {
          brand: {
            faint: colors.teal[50],
            muted: colors.teal[200],
            subtle: colors.teal[400],
            DEFAULT: colors.teal[600],
            emphasis: colors.teal[700],
            inverted: colors.white,
          },
          background: {
            muted: colors.gray[50],
            subtle: colors.gray[100],
            DEFAULT: colors.white,
            emphasis: colors.gray[700],
          },
          border: { DEFAULT: colors.gray[200] },
          ring: { DEFAULT: colors.gray[200] },
          content: {
            subtle: colors.gray[400],
            DEFAULT: colors.gray[600],
            emphasis: colors.gray[700],
            strong: colors.gray[900],
            inverted: colors.white,
          },
        },
      },
      boxShadow: {
        "tremor-input": "0 1px 2px 0 rgb(0 0 0 / 0.05)",
        "tremor-card": "0 1px 3px 0 rgb(0 0 0 / 0.1), 0 1px 2px -1px rgb(0 0 0 / 0.1)",
        "tremor-dropdown": "0 4px 6px -1px rgb(0 0 0 / 0.1), 0 2px 4px -2px rgb(0 0 0 / 0.1)",
      },
      borderRadius: {
        "tremor-small": "0.375rem",
        "tremor-default": "0.5rem",
        "tremor-full": "9999px",
      },
      fontSize: {
        "tremor-label": ["0.75rem", { lineHeight: "1rem" }],
        "tremor-default": ["0.875rem", { lineHeight: "1.25rem" }],
        "tremor-title": ["1.125rem", { lineHeight: "1.75rem" }],
        "tremor-metric": ["1.875rem", { lineHeight: "2.25rem" }],
      },
    },
  },
  safelist: [
    { pattern: new RegExp(`^(bg-${palette}-${shades})$`), variants: ["hover", "ui-selected"] },
    { pattern: new RegExp(`^(text-${palette}-${shades})$`), variants: ["hover", "ui-selected"] },
    { pattern: new RegExp(`^(border-${palette}-${shades})$`), variants: ["hover", "ui-selected"] },
    { pattern: new RegExp(`^(ring-${palette}-${shades})$`) },
    { pattern: new RegExp(`^(stroke-${palette}-${shades})$`) },
    { pattern: new RegExp(`^(fill-${palette}-${shades})$`) },
  ],
  plugins: [headlessui, forms],
};

export default config;
