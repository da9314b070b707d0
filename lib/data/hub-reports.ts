import "server-only";
import { db } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import { forbiddenError } from "@/lib/errors";
import { cycleTitle } from "@/lib/domain/labels";
import { cycleScope, hubScope, submissionScope } from "./scope";
import { parseOptionalDerived } from "./json-columns";

/**
 * The hubs a reader may follow (councils: hubs covering their zones; the prefecture: all its
 * hubs) with their self-assessment of the newest 年度: status and scores of the latest submitted
 * revision. Councils never see drafts (submissionScope), so a hub still drafting reads 未提出.
 */
export async function listHubReports(viewer: TViewer) {
  if (viewer.role !== "council" && viewer.role !== "prefecture" && viewer.role !== "admin") throw forbiddenError();
  const cycle = await db.reportingCycle.findFirst({
    where: { AND: [cycleScope(viewer), { kind: "HUB_SELF_ASSESSMENT", status: { not: "PREPARING" } }] },
    orderBy: { fiscalYear: "desc" },
    select: { id: true, fiscalYear: true, kind: true },
  });
  if (!cycle) return { cycle: null, hubs: [] };
  const hubs = await db.hub.findMany({
    where: { AND: [hubScope(viewer), { isActive: true }] },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      operatorName: true,
      zone: { select: { name: true } },
      submissions: {
        where: { AND: [submissionScope(viewer), { cycleId: cycle.id }] },
        select: { id: true, status: true, revision: true, submittedAt: true, derived: true },
      },
    },
  });
  return {
    cycle: { ...cycle, title: cycleTitle(cycle) },
    hubs: hubs.map((hub) => {
      const submission = hub.submissions[0] ?? null;
      return {
        id: hub.id,
        name: hub.name,
        operatorName: hub.operatorName,
        zoneName: hub.zone.name,
        submission: submission
          ? { ...submission, scores: parseOptionalDerived(submission.derived)?.scores ?? null }
          : null,
      };
    }),
  };
}
