import { describe, expect, it } from "vitest";
import { hasForbiddenCharacters } from "./text";

describe("hasForbiddenCharacters (finding 7)", () => {
  it.each([
    ["NUL", "a\u0000b"],
    ["a bell", "a\u0007"],
    ["DEL", "a\u007f"],
    ["a C1 control", "a\u0085"],
    ["a lone high surrogate", "a\ud842"],
    ["a lone low surrogate", "\udfb7a"],
    ["reversed surrogates", "\udfb7\ud842"],
  ])("refuses %s", (_name, value) => {
    expect(hasForbiddenCharacters(value)).toBe(true);
  });

  it.each([
    ["Japanese with line breaks and tabs", "在宅医療\n連携\t拠点\r\n"],
    ["a supplementary character", "𠮷野家"],
    ["emoji", "👍"],
    ["full-width space", "丹南　圏域"],
  ])("accepts %s", (_name, value) => {
    expect(hasForbiddenCharacters(value)).toBe(false);
  });
});
