// Who can bill what: one row per rule and institution shape, on the official item wording.
import { describe, expect, it } from "vitest";
import { BILLING_RULES, canChooseOption, canMeetItem, type TInstitutionShape } from "./billing-eligibility";

const CLINIC: TInstitutionShape = { kind: "CLINIC", beds: 0 };
const BEDDED_CLINIC: TInstitutionShape = { kind: "CLINIC", beds: 19 };
const HOSPITAL: TInstitutionShape = { kind: "HOSPITAL", beds: 120 };
const LARGE_HOSPITAL: TInstitutionShape = { kind: "HOSPITAL", beds: 350 };

describe("canMeetItem", () => {
  it.each([
    ["入退院支援加算の算定回数(精神科を含む)", [false, true, true, true]],
    ["入院時支援加算の算定回数", [false, true, true, true]],
    ["時間外対応加算1~4の届出状況", [true, true, false, false]],
    ["夜間・早朝等加算の算定回数(初診料、再診料分)", [true, true, false, false]],
    ["在宅療養支援診療所の届出", [true, true, false, false]],
    ["在宅療養支援病院の届出", [false, false, true, true]],
    ["在宅療養後方支援病院の届出", [false, false, false, true]],
    // Open to all: 外来診療料 in the wording does not restrict the item.
    ["時間外加算または時間外特例医療機関加算の算定回数(初診料、再診料、外来診療料分)", [true, true, true, true]],
    ["訪問診療に関する診療報酬項目の算定回数", [true, true, true, true]],
    ["主治医意見書の作成", [true, true, true, true]],
  ] as const)("%s", (label, expected) => {
    expect([CLINIC, BEDDED_CLINIC, HOSPITAL, LARGE_HOSPITAL].map((i) => canMeetItem(label, i))).toEqual(expected);
  });

  it("treats an unknown bed count as no beds", () => {
    expect(canMeetItem("入退院支援加算の算定回数(精神科を含む)", { kind: "CLINIC", beds: null })).toBe(false);
  });
});

describe("canChooseOption", () => {
  const backup = "自院又は連携による後方支援病床(在宅患者の病状が急変した場合に入院させるための病床)の確保";
  it.each([
    ["有り(自院による確保)", false, true],
    ["有り(自院及び連携による確保)", false, true],
    ["無し(意向有り(自院による確保))", false, true],
    ["有り(連携による確保)", true, true],
    ["無し(意向無し)", true, true],
  ] as const)("後方支援病床 %s: no beds %s, beds %s", (option, noBeds, withBeds) => {
    expect(canChooseOption(backup, option, CLINIC)).toBe(noBeds);
    expect(canChooseOption(backup, option, BEDDED_CLINIC)).toBe(withBeds);
  });

  it("leaves 自院 options of other items alone (在宅医療 by the clinic itself needs no beds)", () => {
    expect(canChooseOption("自院又は連携による在宅医療を提供する体制の確保状況", "有り(自院による確保)", CLINIC)).toBe(
      true,
    );
  });
});

it("every rule states its basis", () => {
  for (const rule of BILLING_RULES) expect(rule.basis.length, rule.id).toBeGreaterThan(10);
});
