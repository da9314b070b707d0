import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRelativePath } from "./safe-redirect";

const ORIGIN = "https://renkei.example.jp";

describe("safeCallbackPath (finding 1: open redirect after sign-in)", () => {
  it.each([
    ["/prefecture/cycles?year=2026", "/prefecture/cycles?year=2026"],
    ["/institution#top", "/institution#top"],
    [`${ORIGIN}/hub`, "/hub"],
    // An encoded backslash stays a path segment on this site.
    ["/%5C127.0.0.1:8099/", "/%5C127.0.0.1:8099/"],
  ])("keeps the same-site target %s", (raw, expected) => {
    expect(safeCallbackPath(raw, ORIGIN)).toBe(expected);
  });

  it.each([
    "/\\127.0.0.1:8099/",
    "/\t/evil.example",
    "/\n/evil.example",
    "//evil.example/",
    "\\\\evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    " //evil.example",
    "http://renkei.example.jp/",
    "",
    undefined,
  ])("sends %j home instead of off-site", (raw) => {
    expect(safeCallbackPath(raw, ORIGIN)).toBe("/");
  });
});

describe("safeRelativePath (the second-factor pages' callbackUrl)", () => {
  it.each<[unknown, string | null]>([
    ["/prefecture/cycles?year=2026", "/prefecture/cycles?year=2026"],
    ["//evil.example/", "/"],
    ["/\\evil.example", "/"],
    ["https://evil.example/", "/"],
    ["", null],
    [undefined, null],
    [["/hub", "/admin"], null],
  ])("%j → %j", (raw, expected) => {
    expect(safeRelativePath(raw)).toBe(expected);
  });
});
