// The authorization matrix: for every page, route handler and server action under app/, what each
// role gets with ids of its own scope and with ids of another scope (another prefecture, another
// institution, another zone). tests/integration/route-inventory.integration.test.ts fails when a
// route on disk has no row here. A new route is one row: copy a neighbour and adjust.
//
// Outcomes: pages "ok" | "404" | "login" (sent to sign-in) | "home" (sent to the person's own
// home) | "to <path>" (sent to another page); route handlers the HTTP status. Write rows call the
// handler with an empty JSON object unless the row gives a body.
// A cell left out is not run: the owner's successful writes are covered by the service tests.
// Row helpers: ./route-matrix-kit.ts; the publication and council-record rows have their own files.
import {
  ROLES,
  action,
  adjust,
  api,
  areaCells,
  areaPage,
  clinicCycle,
  foreignCycle,
  hubCycle,
  missing,
  summaryQuery,
  write,
  type TOutcome,
  type TRow,
} from "./route-matrix-kit";
import { PUBLICATION_ROWS } from "./route-matrix-publication";
import { COUNCIL_RECORD_ROWS } from "./route-matrix-council";

export { ACTORS, type TActor, type TOutcome, type TRow } from "./route-matrix-kit";

export const ROUTE_MATRIX: TRow[] = [
  // ---- public ----
  {
    route: "app/page.tsx",
    expect: { own: { anonymous: "login", ...Object.fromEntries(ROLES.map((r) => [r, "home"])) } },
  },
  {
    route: "app/login/page.tsx",
    expect: { own: { anonymous: "ok", ...Object.fromEntries(ROLES.map((r) => [r, "home"])) } },
  },
  {
    route: "app/set-password/page.tsx",
    expect: { own: Object.fromEntries(["anonymous", ...ROLES].map((r) => [r, "ok"])) },
  },
  {
    route: "app/set-password/done/page.tsx",
    expect: { own: Object.fromEntries(["anonymous", ...ROLES].map((r) => [r, "ok"])) },
  },
  action(
    "app/set-password/actions.ts:setPasswordAction",
    "public by design: the one-time token is the credential (accounts.integration.test.ts)",
  ),
  // 「パスワードをお忘れの方」: public, the same page and answer for everyone.
  {
    route: "app/login/forgot/page.tsx",
    expect: { own: Object.fromEntries(["anonymous", ...ROLES].map((r) => [r, "ok"])) },
  },
  action(
    "app/login/forgot/actions.ts:requestResetAction",
    "public by design, the same answer for every address; limits per client and per address (account-recovery.integration.test.ts)",
  ),
  // The second step of a sign-in. A full session is sent on (home, or its security settings);
  // a pending one (password passed) is tested in two-factor.integration.test.ts and e2e.
  {
    route: "app/two-factor/page.tsx",
    expect: { own: { anonymous: "login", ...Object.fromEntries(ROLES.map((r) => [r, "home"])) } },
  },
  {
    route: "app/two-factor/setup/page.tsx",
    expect: {
      own: { anonymous: "login", ...Object.fromEntries(ROLES.map((r) => [r, `to /${r}/security`])) },
    },
  },
  action(
    "app/two-factor/actions.ts:verifyCodeAction",
    "a pending 'verify' session only, else a message (two-factor.integration.test.ts, e2e two-factor.spec.ts)",
  ),
  action(
    "app/two-factor/actions.ts:confirmEnrolmentAction",
    "a pending 'enrol' session or the signed-in holder, own account only (two-factor.integration.test.ts, e2e)",
  ),
  action(
    "app/two-factor/actions.ts:finishEnrolmentAction",
    "clears the new-codes cookie and redirects to a same-site path; reads and writes nothing else",
  ),
  action(
    "app/_shared/security-actions.ts:regenerateRecoveryCodesAction",
    "the signed-in holder's own codes, after a code (two-factor.integration.test.ts)",
  ),
  action(
    "app/_shared/security-actions.ts:disableSecondFactorAction",
    "the signed-in holder's own second factor; refused for prefecture and admin (two-factor.integration.test.ts)",
  ),
  {
    route: "app/api/auth/[...nextauth]/route.ts",
    method: "GET",
    expect: { own: {} },
    skip: "next-auth's own endpoints (sign-in.integration, session.integration, e2e)",
  },
  {
    route: "app/api/auth/[...nextauth]/route.ts",
    method: "POST",
    expect: { own: {} },
    skip: "next-auth's own endpoints (sign-in.integration, session.integration, e2e)",
  },

  // ---- institution ----
  areaPage("app/institution/page.tsx", "institution"),
  areaPage("app/institution/cycles/[cycleId]/page.tsx", "institution", { params: clinicCycle, foreign: foreignCycle }),
  areaPage("app/institution/cycles/[cycleId]/history/page.tsx", "institution", {
    params: clinicCycle,
    foreign: foreignCycle,
  }),
  areaPage("app/institution/cycles/[cycleId]/receipt/page.tsx", "institution", {
    params: clinicCycle,
    foreign: foreignCycle,
  }),
  areaPage("app/institution/security/page.tsx", "institution"),
  // ---- hub ----
  areaPage("app/hub/page.tsx", "hub"),
  areaPage("app/hub/cycles/[cycleId]/page.tsx", "hub", { params: hubCycle, foreign: foreignCycle }),
  areaPage("app/hub/cycles/[cycleId]/history/page.tsx", "hub", { params: hubCycle, foreign: foreignCycle }),
  areaPage("app/hub/cycles/[cycleId]/receipt/page.tsx", "hub", { params: hubCycle, foreign: foreignCycle }),
  areaPage("app/hub/security/page.tsx", "hub"),
  // ---- council ----
  areaPage("app/council/page.tsx", "council"),
  areaPage("app/council/hubs/page.tsx", "council"),
  areaPage("app/council/hubs/[submissionId]/page.tsx", "council", {
    params: (w) => ({ submissionId: w.submissions.tannanHubSubmission.id }),
    foreign: (w) => ({ submissionId: w.submissions.kanazawaSubmission.id }),
  }),
  areaPage("app/council/packets/page.tsx", "council"),
  areaPage("app/council/security/page.tsx", "council"),
  // --- council-loop: council records (ADR 0018). Another zone of the prefecture is a 404. ---
  areaPage("app/council/records/page.tsx", "council"),
  areaPage("app/council/records/[zoneId]/[fiscalYear]/page.tsx", "council", {
    params: (w) => ({ zoneId: w.zones.tannan.id, fiscalYear: "2025" }),
    foreign: (w) => ({ zoneId: w.zones.fukuiSakai.id, fiscalYear: "2025" }),
  }),
  // ---- prefecture ----
  areaPage("app/prefecture/page.tsx", "prefecture"),
  areaPage("app/prefecture/accounts/page.tsx", "prefecture"),
  // accounts (0022): another prefecture's account is a 404, like an unknown one.
  areaPage("app/prefecture/accounts/[userId]/page.tsx", "prefecture", {
    params: (w) => ({ userId: w.users.tannanCouncil.id }),
    foreign: (w) => ({ userId: w.users.kanazawaClinic.id }),
  }),
  areaPage("app/prefecture/audit/page.tsx", "prefecture"),
  areaPage("app/prefecture/cycles/page.tsx", "prefecture"),
  areaPage("app/prefecture/cycles/[cycleId]/page.tsx", "prefecture", { params: clinicCycle, foreign: foreignCycle }),
  // --- cycle-mail ---
  areaPage("app/prefecture/cycles/[cycleId]/mail/page.tsx", "prefecture", {
    params: clinicCycle,
    foreign: foreignCycle,
  }),
  areaPage("app/prefecture/mail-settings/page.tsx", "prefecture"),
  areaPage("app/prefecture/dashboard/page.tsx", "prefecture", { query: summaryQuery }),
  // No import job exists in the world: an unknown id is the officer's 404 page.
  {
    route: "app/prefecture/imports/[jobId]/page.tsx",
    params: missing("jobId"),
    expect: { own: areaCells("prefecture", "404") },
  },
  areaPage("app/prefecture/packets/page.tsx", "prefecture"),
  areaPage("app/prefecture/roster/page.tsx", "prefecture"),
  areaPage("app/prefecture/security/page.tsx", "prefecture"),
  areaPage("app/prefecture/roster/[institutionId]/page.tsx", "prefecture", {
    params: (w) => ({ institutionId: w.institutions.sabaeClinic.id }),
    foreign: (w) => ({ institutionId: w.institutions.kanazawaClinic.id }),
  }),
  areaPage("app/prefecture/submissions/page.tsx", "prefecture"),
  areaPage("app/prefecture/submissions/[submissionId]/page.tsx", "prefecture", {
    params: (w) => ({ submissionId: w.submissions.sabaeSubmission.id }),
    foreign: (w) => ({ submissionId: w.submissions.kanazawaSubmission.id }),
  }),
  areaPage("app/prefecture/zones/page.tsx", "prefecture"),
  // --- council-loop ---
  areaPage("app/prefecture/councils/page.tsx", "prefecture"),
  areaPage("app/prefecture/councils/[zoneId]/[fiscalYear]/page.tsx", "prefecture", {
    params: (w) => ({ zoneId: w.zones.fukuiSakai.id, fiscalYear: "2025" }),
    foreign: (w) => ({ zoneId: w.zones.kanazawa.id, fiscalYear: "2025" }),
  }),
  // ---- admin ----
  areaPage("app/admin/page.tsx", "admin"),
  areaPage("app/admin/dashboard/page.tsx", "admin", { query: summaryQuery }),
  areaPage("app/admin/officers/page.tsx", "admin"),
  areaPage("app/admin/questionnaires/page.tsx", "admin"),
  areaPage("app/admin/security/page.tsx", "admin"),
  areaPage("app/admin/questionnaires/[versionId]/page.tsx", "admin", {
    params: (w) => ({ versionId: w.cycles.fukuiClinicCycle.questionnaireVersionId }),
    foreign: missing("versionId"),
  }),

  // --- council-loop: public council results. Only 公表 records exist here, for everyone alike;
  // the world's are not 公表, so every cell is the 404 (the published case: council-records.integration).
  ...["page", "GET csv", "GET pdf"].map((kind): TRow => {
    const [method, sub] = kind === "page" ? [undefined, ""] : (kind.split(" ") as [string, string]);
    const everyone = (o: TOutcome) => Object.fromEntries(["anonymous", ...ROLES].map((r) => [r, o]));
    return {
      route: `app/public/[prefCode]/councils/[zoneCode]/[fiscalYear]/${sub ? `${sub}/route.ts` : "page.tsx"}`,
      ...(method ? { method } : {}),
      params: (w) => ({ prefCode: "18", zoneCode: w.zones.tannan.code, fiscalYear: "2025" }),
      foreign: (w) => ({ prefCode: "17", zoneCode: w.zones.kanazawa.code, fiscalYear: "2025" }),
      expect: { own: everyone(method ? 404 : "404"), foreign: everyone(method ? 404 : "404") },
    };
  }),

  // ---- JSON routes ----
  // These four check the body before the role: an empty one is a 400 for everybody (follow-up:
  // ask who is writing first). No data is read or written either way.
  write("POST", "app/api/v1/admin/questionnaires/route.ts", ["admin"], { refused: 400 }),
  write("POST", "app/api/v1/admin/questionnaires/[versionId]/publish/route.ts", ["admin"], {
    params: missing("versionId"),
  }),
  // The administrator resets officers only: a clinic user is "not found" here.
  api("POST", "app/api/v1/admin/officers/[userId]/reset-two-factor/route.ts", ["admin"], {
    ok: 409,
    params: (w) => ({ userId: w.users.fukuiPrefecture.id }),
    foreign: (w) => ({ userId: w.users.sabaeClinic.id }),
  }),
  // accounts (0022): officers are the administrator's; any other account is "not found" there.
  write("POST", "app/api/v1/admin/officers/route.ts", ["admin"]),
  ...["deactivate", "reactivate"].map((action) =>
    write("POST", `app/api/v1/admin/officers/[userId]/${action}/route.ts`, ["admin"], {
      params: (w) => ({ userId: w.users.fukuiPrefecture.id }),
      foreign: (w) => ({ userId: w.users.sabaeClinic.id }),
    }),
  ),
  // The world's officer has a password: a new invitation is refused (409), nothing is written.
  api("POST", "app/api/v1/admin/officers/[userId]/invite/route.ts", ["admin"], {
    ok: 409,
    params: (w) => ({ userId: w.users.fukuiPrefecture.id }),
    foreign: (w) => ({ userId: w.users.sabaeClinic.id }),
  }),
  ...COUNCIL_RECORD_ROWS,
  api("GET", "app/api/v1/directory/route.ts", ["institution", "hub", "council", "prefecture", "admin"]),
  write("POST", "app/api/v1/pdf/jobs/route.ts", ["prefecture"], { refused: 400 }),
  // Jobs of other people are read through the job's scope: not found for everyone else.
  api("GET", "app/api/v1/pdf/jobs/[jobId]/route.ts", ["prefecture"], {
    params: missing("jobId"),
    ok: 404,
    refused: 404,
  }),
  api("GET", "app/api/v1/pdf/jobs/[jobId]/download/route.ts", ["prefecture"], {
    params: missing("jobId"),
    ok: 404,
    refused: 404,
  }),
  api("GET", "app/api/v1/pdf/packets/prefecture/route.ts", ["prefecture", "admin"], {
    query: summaryQuery,
    foreign: () => ({}),
    national: true,
  }),
  api("GET", "app/api/v1/pdf/packets/zone/route.ts", ["council", "prefecture", "admin"], {
    query: (w, scope) => `${summaryQuery(w, scope)}&zone=${scope === "own" ? w.zones.tannan.id : w.zones.kanazawa.id}`,
    foreign: () => ({}),
    national: true,
  }),
  // The hub has no report in the clinic cycle: not found, like another institution's.
  adjust(
    api("GET", "app/api/v1/pdf/respondent/cycles/[cycleId]/copy/route.ts", ["institution"], {
      params: clinicCycle,
      foreign: foreignCycle,
    }),
    { own: { hub: 404 }, foreign: { hub: 404 } },
  ),
  api("GET", "app/api/v1/pdf/respondent/cycles/[cycleId]/notice/route.ts", ["institution"], {
    params: clinicCycle,
    foreign: foreignCycle,
  }),
  write("POST", "app/api/v1/prefecture/accounts/[userId]/deactivate/route.ts", ["prefecture"], {
    params: (w) => ({ userId: w.users.sabaeClinic.id }),
    foreign: (w) => ({ userId: w.users.kanazawaClinic.id }),
  }),
  write("POST", "app/api/v1/prefecture/accounts/[userId]/reactivate/route.ts", ["prefecture"], {
    params: (w) => ({ userId: w.users.sabaeClinic.id }),
    foreign: (w) => ({ userId: w.users.kanazawaClinic.id }),
  }),
  // Nobody in the world has a second factor: the owner's own cell is the 409 "none to reset"
  // (the reset itself is in two-factor.integration.test.ts). Another prefecture's account 404.
  api("POST", "app/api/v1/prefecture/accounts/[userId]/reset-two-factor/route.ts", ["prefecture"], {
    ok: 409,
    params: (w) => ({ userId: w.users.sabaeClinic.id }),
    foreign: (w) => ({ userId: w.users.kanazawaClinic.id }),
  }),
  write("POST", "app/api/v1/prefecture/accounts/bulk-create/route.ts", ["prefecture"]),
  write("POST", "app/api/v1/prefecture/accounts/route.ts", ["prefecture"]),
  write("PUT", "app/api/v1/prefecture/accounts/[userId]/zones/route.ts", ["prefecture"], {
    params: (w) => ({ userId: w.users.tannanCouncil.id }),
    foreign: (w) => ({ userId: w.users.kanazawaClinic.id }),
  }),
  write("POST", "app/api/v1/prefecture/accounts/links/route.ts", ["prefecture"], { refused: 400 }),
  // "outliers" queues the cycle's outlier flags (issue 16): the officer only; never a respondent.
  ...["bulk-confirm", "close", "open", "outliers", "reopen"].map((action) =>
    write("POST", `app/api/v1/prefecture/cycles/[cycleId]/${action}/route.ts`, ["prefecture"], {
      params: clinicCycle,
      foreign: foreignCycle,
    }),
  ),
  api("GET", "app/api/v1/prefecture/cycles/[cycleId]/export/route.ts", ["prefecture"], {
    params: clinicCycle,
    foreign: foreignCycle,
  }),
  api("GET", "app/api/v1/prefecture/cycles/[cycleId]/not-submitted/route.ts", ["prefecture"], {
    params: clinicCycle,
    foreign: foreignCycle,
  }),
  // exports-audit: the audit log as filtered (scoped to the officer's prefecture, never a 404).
  api("GET", "app/api/v1/prefecture/audit/export/route.ts", ["prefecture"], { query: () => "?format=xlsx" }),
  // --- cycle-mail --- (the tests run without SMTP: a send or resend by the owner is a 409)
  api("POST", "app/api/v1/prefecture/cycles/[cycleId]/mail/preview/route.ts", ["prefecture"], {
    params: clinicCycle,
    foreign: foreignCycle,
    body: { kind: "REMINDER" },
  }),
  api("POST", "app/api/v1/prefecture/cycles/[cycleId]/mail/send/route.ts", ["prefecture"], {
    ok: 409,
    params: clinicCycle,
    foreign: foreignCycle,
    body: { kind: "REMINDER" },
  }),
  api("GET", "app/api/v1/prefecture/cycles/[cycleId]/mail/batches/route.ts", ["prefecture"], {
    params: clinicCycle,
    foreign: foreignCycle,
  }),
  write("POST", "app/api/v1/prefecture/cycles/[cycleId]/mail/schedule/route.ts", ["prefecture"], {
    params: clinicCycle,
    foreign: foreignCycle,
  }),
  api("POST", "app/api/v1/prefecture/cycles/[cycleId]/mail/[mailId]/resend/route.ts", ["prefecture"], {
    ok: 404,
    params: (w) => ({ ...clinicCycle(w), mailId: "no-such-id" }),
    foreign: (w) => ({ ...foreignCycle(w), mailId: "no-such-id" }),
  }),
  api("GET", "app/api/v1/prefecture/cycles/[cycleId]/mail/recipients/route.ts", ["prefecture"], {
    params: clinicCycle,
    foreign: foreignCycle,
    query: () => "kind=REMINDER&format=csv",
  }),
  api("GET", "app/api/v1/prefecture/cycles/[cycleId]/mail/letters/route.ts", ["prefecture"], {
    params: clinicCycle,
    foreign: foreignCycle,
    query: () => "kind=REMINDER",
  }),
  write("POST", "app/api/v1/prefecture/mail-settings/route.ts", ["prefecture"], { refused: 403 }),
  write("PUT", "app/api/v1/prefecture/cycles/[cycleId]/route.ts", ["prefecture"], {
    params: clinicCycle,
    foreign: foreignCycle,
  }),
  write("POST", "app/api/v1/prefecture/cycles/route.ts", ["prefecture"]),
  write("POST", "app/api/v1/prefecture/imports/[jobId]/apply/route.ts", ["prefecture"], { params: missing("jobId") }),
  write("POST", "app/api/v1/prefecture/imports/[jobId]/discard/route.ts", ["prefecture"], { params: missing("jobId") }),
  api("GET", "app/api/v1/prefecture/imports/[jobId]/route.ts", ["prefecture"], {
    params: missing("jobId"),
    ok: 404,
    refused: 404,
  }),
  // The rows a partial import left out: the officer's own jobs only (an unknown id is 404).
  api("GET", "app/api/v1/prefecture/imports/[jobId]/rejected/route.ts", ["prefecture"], {
    params: missing("jobId"),
    ok: 404,
  }),
  write("POST", "app/api/v1/prefecture/imports/route.ts", ["prefecture"], { refused: 400 }),
  // The institution may change its own contact details too (not another institution's).
  write("PUT", "app/api/v1/prefecture/institutions/[institutionId]/contact/route.ts", ["prefecture", "institution"], {
    body: { phone: "0778-11-2222", contactEmail: "" },
    params: (w) => ({ institutionId: w.institutions.sabaeClinic.id }),
    foreign: (w) => ({ institutionId: w.institutions.kanazawaClinic.id }),
  }),
  write("POST", "app/api/v1/prefecture/submissions/[submissionId]/confirm/route.ts", ["prefecture"], {
    body: { revision: 1 },
    params: (w) => ({ submissionId: w.submissions.sabaeSubmission.id }),
    foreign: (w) => ({ submissionId: w.submissions.kanazawaSubmission.id }),
  }),
  // 照会 (issue 16): asked by the officer about its own prefecture's reports.
  write("POST", "app/api/v1/prefecture/submissions/[submissionId]/queries/route.ts", ["prefecture"], {
    body: { itemKeys: ["i_rota"], message: "確認してください。" },
    params: (w) => ({ submissionId: w.submissions.sabaeSubmission.id }),
    foreign: (w) => ({ submissionId: w.submissions.kanazawaSubmission.id }),
  }),
  // 確認済み（問題なし） of an outlier or 前年比大 item, and its undoing: the officer of the report's
  // prefecture only (the acknowledgement itself is in review-flag-acks.integration.test.ts).
  ...["acknowledge-flag", "unacknowledge-flag"].map((action) =>
    write("POST", `app/api/v1/prefecture/submissions/[submissionId]/${action}/route.ts`, ["prefecture"], {
      body: { kind: "outlier", itemKey: "i_overtime", revision: 1 },
      params: (w) => ({ submissionId: w.submissions.sabaeSubmission.id }),
      foreign: (w) => ({ submissionId: w.submissions.kanazawaSubmission.id }),
    }),
  ),
  // No query exists in the world: the officer's own cell is the 404 of an unknown id (the close
  // itself, and another prefecture's query, are in review-flags.integration.test.ts).
  api("POST", "app/api/v1/prefecture/queries/[queryId]/close/route.ts", ["prefecture"], {
    params: missing("queryId"),
    ok: 404,
  }),
  write("POST", "app/api/v1/prefecture/submissions/[submissionId]/return/route.ts", ["prefecture"], {
    body: { revision: 1, comment: "確認してください。" },
    params: (w) => ({ submissionId: w.submissions.sabaeSubmission.id }),
    foreign: (w) => ({ submissionId: w.submissions.kanazawaSubmission.id }),
  }),
  api("GET", "app/api/v1/prefecture/templates/[kind]/route.ts", ["prefecture"], {
    params: () => ({ kind: "ROSTER" }),
    foreign: () => ({ kind: "NO_SUCH_KIND" }),
  }),
  write("POST", "app/api/v1/prefecture/zone-schemes/[schemeId]/default/route.ts", ["prefecture"], {
    params: (w) => ({ schemeId: w.zones.tannan.schemeId }),
    foreign: (w) => ({ schemeId: w.zones.kanazawa.schemeId }),
  }),
  ...(
    [
      ["POST", "amendment"],
      ["DELETE", "amendment"],
      ["POST", "copy-previous"],
      ["PUT", "draft"],
      ["POST", "submit"],
    ] as const
  ).flatMap(([method, action]) => {
    const row = write(method, `app/api/v1/respondent/cycles/[cycleId]/${action}/route.ts`, ["institution", "hub"], {
      body: { draftVersion: 0, answers: {} },
      params: clinicCycle,
      foreign: foreignCycle,
    });
    // The autosave and submit are also answered before Next's router (scripts/server.mjs): the
    // same cells through that path.
    const direct = action === "draft" || action === "submit";
    return direct ? [row, { ...row, label: "answered before Next's router", direct }] : [row];
  }),
  // The respondent answers a 照会 on its own report only: an unknown (or another's) id is 404.
  api("POST", "app/api/v1/respondent/queries/[queryId]/answer/route.ts", ["institution", "hub"], {
    body: { answer: "確認しました。" },
    params: missing("queryId"),
    ok: 404,
  }),
  // The council's view is its zone, which has no table of the prefecture's zones: 404.
  adjust(
    api("GET", "app/api/v1/summaries/export/route.ts", ["prefecture", "admin"], {
      query: (w, scope) => `${summaryQuery(w, scope)}&table=zones&format=csv`,
      foreign: () => ({}),
      national: true,
    }),
    { own: { council: 404 }, foreign: { council: 404 } },
  ),
  api("GET", "app/api/v1/summaries/route.ts", ["council", "prefecture", "admin"], {
    query: summaryQuery,
    foreign: () => ({}),
    national: true,
  }),

  ...PUBLICATION_ROWS,
];
