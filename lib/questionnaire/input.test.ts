import { describe, expect, it } from "vitest";
import { parseNumberInput } from "./input";

describe("parseNumberInput", () => {
  it.each<[string, number | string | null]>([
    ["", null],
    ["   ", null],
    ["12", 12],
    ["１２３", 123],
    ["1,234", 1234],
    ["１，２３４", 1234],
    ["0.5", 0.5],
    ["２．５", 2.5],
    ["-3", -3],
    ["12人", "12人"],
    ["abc", "abc"],
    ["1.2.3", "1.2.3"],
  ])("%j → %j", (text, expected) => {
    expect(parseNumberInput(text)).toEqual(expected);
  });
});
