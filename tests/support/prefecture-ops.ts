// Helpers for the prefecture-operations integration tests: run an import the way the web does
// (preview → apply → the runner), and fingerprint the data tables to prove a refused or failed
// import wrote nothing.
import { db } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import type { TImportFile } from "@/lib/import";
import { applyImportJob, createImportPreview, runImportJob } from "@/lib/services/import-jobs";
import { getImportJob } from "@/lib/data/import-jobs";
import type { TImportApplyOptions, TImportKind } from "@/lib/prefecture/import-preview";

export async function importFile(
  viewer: TViewer,
  kind: TImportKind,
  file: TImportFile,
  options: TImportApplyOptions = {},
  cycleId?: string,
) {
  const { jobId, preview } = await createImportPreview(viewer, { kind, file, cycleId });
  if (!preview.ok) return { jobId, preview, job: await getImportJob(viewer, jobId) };
  await applyImportJob(viewer, jobId, options);
  await runImportJob(jobId);
  return { jobId, preview, job: await getImportJob(viewer, jobId) };
}

/** Tables an import may write; the audit log and the import jobs themselves are compared by count. */
const DATA_TABLES = [
  "Institution",
  "Municipality",
  "ZoneScheme",
  "Zone",
  "ZoneMunicipality",
  "NdbPrefill",
  "Submission",
  "SubmissionRevision",
  "User",
  "PasswordToken",
] as const;

/** A fingerprint of every data table (row contents, not just counts) and the audit log's size. */
export async function dataFingerprint(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of DATA_TABLES) {
    const rows = await db.$queryRawUnsafe<{ digest: string | null; n: bigint }[]>(
      `select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest, count(*) as n from "${table}" t`,
    );
    out[table] = `${rows[0]?.n}:${rows[0]?.digest}`;
  }
  out.auditEvents = String(await db.auditEvent.count());
  return out;
}
