// External tools some tests need, found on the machine or reported missing.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";

export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((p): p is string => Boolean(p && existsSync(p))) ?? null;
}

export function hasPoppler(): Promise<boolean> {
  return new Promise((resolve) => execFile("pdftotext", ["-v"], (error) => resolve(!error)));
}
