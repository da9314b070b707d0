// The one Japanese font of every PDF: Noto Sans JP (TTF, 400 and 700) from the npm package
// @expo-google-fonts/noto-sans-jp, registered once per process (or worker thread) by absolute path.
// TTF because react-pdf subsets it (a packet embeds only the glyphs it uses); WOFF2 renders garbage
// and WOFF takes ~30 s a page (stack/probe-ui-pdf.md §2). No network, no system fonts.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Font } from "@react-pdf/renderer";
import { jaHyphenationCallback } from "./hyphenation";

export const FONT_FAMILY = "NotoSansJP";

const PACKAGE = "@expo-google-fonts/noto-sans-jp";
const FILES = { 400: "400Regular/NotoSansJP_400Regular.ttf", 700: "700Bold/NotoSansJP_700Bold.ttf" } as const;

let registered = false;

/** Where the font package is installed (resolved like any module; the working directory as a fallback). */
export function fontDirectory(): string {
  const candidates: string[] = [];
  try {
    candidates.push(
      path.dirname(createRequire(path.join(process.cwd(), "package.json")).resolve(`${PACKAGE}/package.json`)),
    );
  } catch {
    // not resolvable from the working directory; try the plain path below
  }
  candidates.push(path.join(process.cwd(), "node_modules", PACKAGE));
  const found = candidates.find((dir) => existsSync(path.join(dir, FILES[400])));
  if (!found) throw new Error(`PDF 用のフォント（${PACKAGE}）が見つかりません。npm ci を実行してください。`);
  return found;
}

/** Registers the font family and the Japanese line breaking; safe to call any number of times. */
export function registerFonts(): void {
  if (registered) return;
  const dir = fontDirectory();
  Font.register({
    family: FONT_FAMILY,
    fonts: [
      { src: path.join(dir, FILES[400]), fontWeight: 400 },
      { src: path.join(dir, FILES[700]), fontWeight: 700 },
    ],
  });
  Font.registerHyphenationCallback(jaHyphenationCallback);
  registered = true;
}
