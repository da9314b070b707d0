// Who is looking. Every function of the data layer takes a TViewer and scopes its queries by
// it; the scope always comes from the signed-in account, never from the request.
import type { TRole } from "./roles";

type TViewerBase = {
  /** null for the command line, which acts for one prefecture with no signed-in person. */
  userId: string | null;
  email: string;
  name: string;
};

export type TInstitutionViewer = TViewerBase & {
  role: "institution";
  institutionId: string;
  prefectureCode: string;
};
export type THubViewer = TViewerBase & { role: "hub"; hubId: string; prefectureCode: string };
export type TPrefectureViewer = TViewerBase & { role: "prefecture"; prefectureCode: string };
export type TCouncilViewer = TViewerBase & {
  role: "council";
  prefectureCode: string;
  zoneIds: string[];
  /** Union of the municipalities of the council's zones (resolved at sign-in time per request). */
  municipalityCodes: string[];
};
export type TAdminViewer = TViewerBase & { role: "admin" };

export type TViewer = TInstitutionViewer | THubViewer | TPrefectureViewer | TCouncilViewer | TAdminViewer;

export type TViewerOf<R extends TRole> = Extract<TViewer, { role: R }>;
