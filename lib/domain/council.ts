// Codes and labels of the council records (協議の場の記録): the bodies that attend and own
// measures, the record and measure statuses, and the parties whose causes are analysed (guideline
// p.25: 行政・医療・介護). Pure data shared by forms, services, pages and PDFs.

/** Bodies that attend a council and own its measures (担当). */
export const COUNCIL_BODIES = [
  "PREFECTURE",
  "MUNICIPALITY",
  "MEDICAL_ASSOCIATION",
  "HOSPITAL",
  "CLINIC",
  "HUB",
  "DENTAL_PHARMACY",
  "VISITING_NURSE",
  "CARE",
  "RESIDENT",
  "ACADEMIC",
  "OTHER",
] as const;
export type TCouncilBody = (typeof COUNCIL_BODIES)[number];

export const COUNCIL_BODY_LABELS: Record<TCouncilBody, string> = {
  PREFECTURE: "都道府県・保健所",
  MUNICIPALITY: "市町村",
  MEDICAL_ASSOCIATION: "郡市医師会",
  HOSPITAL: "病院",
  CLINIC: "診療所",
  HUB: "在宅医療連携拠点",
  DENTAL_PHARMACY: "歯科医師会・薬剤師会",
  VISITING_NURSE: "訪問看護ステーション",
  CARE: "介護事業所・地域包括支援センター",
  RESIDENT: "住民・患者",
  ACADEMIC: "学識経験者",
  OTHER: "その他",
};

export const COUNCIL_RECORD_STATUSES = ["DRAFT", "AGREED", "PUBLISHED"] as const;
export type TCouncilRecordStatus = (typeof COUNCIL_RECORD_STATUSES)[number];
export const COUNCIL_RECORD_STATUS_LABELS: Record<TCouncilRecordStatus, string> = {
  DRAFT: "作成中",
  AGREED: "合意済",
  PUBLISHED: "公表",
};

export const COUNCIL_MEASURE_STATUSES = ["PLANNED", "IN_PROGRESS", "DONE", "ON_HOLD"] as const;
export type TCouncilMeasureStatus = (typeof COUNCIL_MEASURE_STATUSES)[number];
export const COUNCIL_MEASURE_STATUS_LABELS: Record<TCouncilMeasureStatus, string> = {
  PLANNED: "未着手",
  IN_PROGRESS: "実施中",
  DONE: "完了",
  ON_HOLD: "保留・中止",
};

/** ④ the parties whose view of the causes is recorded (guideline p.25). */
export const CAUSE_PARTIES = [
  { field: "causeGovernment", label: "行政" },
  { field: "causeMedical", label: "医療" },
  { field: "causeCare", label: "介護" },
] as const;

/** One meeting as stored in CouncilRecord.meetings. */
export type TCouncilMeeting = {
  /** "YYYY-MM-DD" */
  date: string;
  agenda: string;
  attendees: { body: TCouncilBody; count: number; names: string }[];
};
