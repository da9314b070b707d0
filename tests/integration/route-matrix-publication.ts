// Rows of the authorization matrix for publication (公表, ADR 0017): the public side and the
// officer's screens. Part of ROUTE_MATRIX (tests/integration/route-matrix.ts).
import type { TWorld } from "@/tests/factories/world";
import {
  ACTORS,
  adjust,
  areaPage,
  clinicCycle,
  foreignCycle,
  write,
  type TCells,
  type TOutcome,
  type TRow,
} from "./route-matrix-kit";

// ---- publication (公表) ----
// The public side answers everybody alike, signed in or not: the world's 石川 cycle is published
// (tests/factories/publication.ts), 福井's is not (its pages are the Japanese 404).
const everyone = (outcome: TOutcome): TCells => Object.fromEntries(ACTORS.map((a) => [a, outcome]));
const publicPage = (
  route: string,
  own: (w: TWorld) => Record<string, string>,
  foreign: (w: TWorld) => Record<string, string>,
): TRow => ({
  route,
  params: own,
  foreign,
  expect: { own: everyone("ok"), foreign: everyone("404") },
});
const publicApi = (
  route: string,
  own: (w: TWorld) => Record<string, string>,
  foreign: (w: TWorld) => Record<string, string>,
): TRow => ({
  route,
  method: "GET",
  params: own,
  foreign,
  expect: { own: everyone(200), foreign: everyone(404) },
});
const published = () => ({ prefCode: "17" });
const unpublished = () => ({ prefCode: "18" });
export const PUBLICATION_ROWS: TRow[] = [
  { route: "app/public/page.tsx", expect: { own: everyone("ok") } },
  publicPage("app/public/[prefCode]/page.tsx", published, unpublished),
  publicPage("app/public/[prefCode]/search/page.tsx", published, unpublished),
  publicPage("app/public/[prefCode]/open-data/page.tsx", published, unpublished),
  publicPage(
    "app/public/[prefCode]/zones/[zoneCode]/page.tsx",
    (w) => ({ prefCode: "17", zoneCode: w.zones.kanazawa.code }),
    (w) => ({ prefCode: "18", zoneCode: w.zones.tannan.code }),
  ),
  publicPage(
    "app/public/[prefCode]/municipalities/[municipalityCode]/page.tsx",
    () => ({ prefCode: "17", municipalityCode: "172014" }),
    () => ({ prefCode: "17", municipalityCode: "182079" }),
  ),
  // Another prefecture's institution, or one without a published report: 404.
  publicPage(
    "app/public/[prefCode]/institutions/[id]/page.tsx",
    (w) => ({ prefCode: "17", id: w.institutions.kanazawaClinic.id }),
    (w) => ({ prefCode: "17", id: w.institutions.sabaeClinic.id }),
  ),
  { route: "app/api/v1/public/prefectures/route.ts", method: "GET", expect: { own: everyone(200) } },
  publicApi("app/api/v1/public/[prefCode]/institutions/route.ts", published, unpublished),
  publicApi("app/api/v1/public/[prefCode]/zones/route.ts", published, unpublished),
  publicApi(
    "app/api/v1/public/[prefCode]/institutions/[institutionId]/route.ts",
    (w) => ({ prefCode: "17", institutionId: w.institutions.kanazawaClinic.id }),
    (w) => ({ prefCode: "18", institutionId: w.institutions.sabaeClinic.id }),
  ),
  publicApi(
    "app/api/v1/public/[prefCode]/open-data/[fiscalYear]/[file]/route.ts",
    () => ({ prefCode: "17", fiscalYear: "2025", file: "institutions.csv" }),
    () => ({ prefCode: "17", fiscalYear: "2025", file: "passwords.csv" }),
  ),
  // The officer's screens: own cycle, another prefecture's cycle is 404.
  areaPage("app/prefecture/cycles/[cycleId]/publication/page.tsx", "prefecture", {
    params: clinicCycle,
    foreign: foreignCycle,
  }),
  areaPage("app/prefecture/cycles/[cycleId]/publication/institutions/[institutionId]/page.tsx", "prefecture", {
    params: (w) => ({ cycleId: w.cycles.fukuiClinicCycle.id, institutionId: w.institutions.sabaeClinic.id }),
    foreign: (w) => ({ cycleId: w.cycles.fukuiClinicCycle.id, institutionId: w.institutions.kanazawaClinic.id }),
  }),
  ...[
    "publication/route.ts:PUT",
    "publication/publish/route.ts:POST",
    "publication/withdraw/route.ts:POST",
    "publication/holds/route.ts:POST",
  ].map((entry) => {
    const [file, method] = entry.split(":") as [string, string];
    return write(method, `app/api/v1/prefecture/cycles/[cycleId]/${file}`, ["prefecture"], {
      params: clinicCycle,
      foreign: foreignCycle,
    });
  }),
  // No hold exists in the world: the officer's own release is 404 too (releases: publication test).
  adjust(
    write(
      "POST",
      "app/api/v1/prefecture/cycles/[cycleId]/publication/holds/[institutionId]/release/route.ts",
      ["prefecture"],
      {
        params: (w) => ({ cycleId: w.cycles.fukuiClinicCycle.id, institutionId: w.institutions.sabaeClinic.id }),
        foreign: (w) => ({ cycleId: w.cycles.ishikawaClinicCycle.id, institutionId: w.institutions.kanazawaClinic.id }),
      },
    ),
    { own: { prefecture: 404 } },
  ),
  areaPage("app/admin/publication/page.tsx", "admin"),
];
