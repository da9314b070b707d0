// Who can bill what: which report items (and which answer options) an institution can meet at
// all, given whether it is a hospital or a clinic and whether it has beds. The demo seed and the
// synthetic national generator use this table so that, for example, no clinic without beds
// reports 入退院支援加算 (an inpatient fee). Rules match the official wording of the item (or
// option), not our keys, so they apply to every questionnaire version that uses that wording.
//
// Basis (診療報酬点数表, 令和6年度改定; the official report items in
// ../shared/domain/official-report-items.md): each rule cites the fee or facility standard that
// restricts it. An item no rule matches is open to every institution.

export type TInstitutionShape = {
  kind: "HOSPITAL" | "CLINIC";
  /** 許可病床数; 0 (or null) for a clinic without beds (無床診療所). */
  beds: number | null;
};

export type TEligibility = "withBeds" | "clinicsOnly" | "hospitalsOnly" | "hospitals200BedsOrMore";

export type TBillingRule = {
  id: string;
  /** Matches the item's label (official wording). */
  item: RegExp;
  /** When set, the rule restricts only the options whose label matches (the item stays open). */
  option?: RegExp;
  who: TEligibility;
  /** Why, in one line, with the fee or standard it rests on. */
  basis: string;
};

export const BILLING_RULES: readonly TBillingRule[] = [
  {
    id: "discharge-support-fee",
    item: /入退院支援加算/,
    who: "withBeds",
    basis: "A246 入退院支援加算は入院料等の加算で、入院患者にしか算定できない（病院・有床診療所）",
  },
  {
    id: "admission-support-fee",
    item: /入院時支援加算/,
    who: "withBeds",
    basis: "入院時支援加算は入退院支援加算の加算で、入院患者にしか算定できない",
  },
  {
    id: "own-backup-beds",
    item: /後方支援病床/,
    option: /自院(による|及び)/,
    who: "withBeds",
    basis: "自院による後方支援病床の確保は、入院させる病床を持つ医療機関だけができる（無床診療所は連携による確保のみ）",
  },
  {
    id: "overtime-response-fee",
    item: /時間外対応加算/,
    who: "clinicsOnly",
    basis: "A001 再診料 注10 時間外対応加算は診療所に限る",
  },
  {
    id: "night-early-fee",
    item: /夜間・早朝等加算/,
    who: "clinicsOnly",
    basis: "A000 初診料 注9・A001 再診料 注6 夜間・早朝等加算は診療所に限る",
  },
  {
    id: "home-care-support-clinic",
    item: /在宅療養支援診療所/,
    who: "clinicsOnly",
    basis: "在宅療養支援診療所は診療所の施設基準",
  },
  {
    id: "home-care-support-hospital",
    item: /在宅療養支援病院/,
    who: "hospitalsOnly",
    basis: "在宅療養支援病院は病院の施設基準",
  },
  {
    id: "home-care-backup-hospital",
    item: /在宅療養後方支援病院/,
    who: "hospitals200BedsOrMore",
    basis: "在宅療養後方支援病院は許可病床200床以上の病院の施設基準",
  },
];

export function meets(who: TEligibility, institution: TInstitutionShape): boolean {
  const beds = institution.beds ?? 0;
  switch (who) {
    case "withBeds":
      return beds > 0;
    case "clinicsOnly":
      return institution.kind === "CLINIC";
    case "hospitalsOnly":
      return institution.kind === "HOSPITAL";
    case "hospitals200BedsOrMore":
      return institution.kind === "HOSPITAL" && beds >= 200;
  }
}

/** The rules that close this item (as a whole) to this institution; empty when it may meet it. */
export function itemBarredBy(label: string, institution: TInstitutionShape): TBillingRule[] {
  return BILLING_RULES.filter((rule) => !rule.option && rule.item.test(label) && !meets(rule.who, institution));
}

/** Whether the institution can meet the item at all (count above zero, 有り, はい). */
export function canMeetItem(label: string, institution: TInstitutionShape): boolean {
  return itemBarredBy(label, institution).length === 0;
}

/** Whether the institution can choose this option of the item. */
export function canChooseOption(itemLabel: string, optionLabel: string, institution: TInstitutionShape): boolean {
  return BILLING_RULES.every(
    (rule) =>
      !rule.option || !rule.item.test(itemLabel) || !rule.option.test(optionLabel) || meets(rule.who, institution),
  );
}
