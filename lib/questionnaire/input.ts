// Turning what a person typed into an answer value. Japanese keyboards produce full-width
// digits and people paste "1,234"; both are numbers. Anything else is kept as typed so the
// answer schema can say what is wrong instead of silently storing 0.
import type { TProvisionMode } from "./definition";

export function parseNumberInput(text: string): number | string | null {
  const normalized = text.normalize("NFKC").replace(/[,\s]/g, "").replace(/^＋/, "+");
  if (normalized === "") return null;
  if (/^[-+]?(\d+\.?\d*|\.\d+)$/.test(normalized)) return Number(normalized);
  return text;
}

export function numberToInput(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "number" ? String(value) : String(value);
}

export const PROVISION_MODE_LABELS: Record<TProvisionMode, string> = {
  self: "自院",
  partner: "連携",
  both: "自院及び連携",
};
