import Link from "next/link";
import { requireRole } from "@/lib/auth/viewer";
import { ROLE_HOME } from "@/lib/auth/roles";
import { findRespondentCycle, listOwnRevisions } from "@/lib/data/respondent";
import { cycleTitle, revisionLabel } from "@/lib/domain/labels";
import { formatDateTime } from "@/lib/domain/wareki";
import { diffAnswers } from "@/lib/questionnaire/diff";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/notice";
import { Panel } from "@/components/ui/panel";
import { ButtonLink } from "@/components/ui/button";
import { RevisionDiffTable } from "@/components/questionnaire/revision-diff-table";
import { orNotFound } from "@/app/_shared/not-found";

/** 変更履歴: every submitted revision, and what changed between two of them. */
export async function RespondentHistoryPage({
  role,
  cycleId,
  from,
  to,
}: Readonly<{ role: "institution" | "hub"; cycleId: string; from?: number; to?: number }>) {
  const viewer = await requireRole(role);
  const cycle = await orNotFound(findRespondentCycle(viewer, cycleId));
  const history = await listOwnRevisions(viewer, cycleId);
  const base = `${ROLE_HOME[role]}/cycles/${cycleId}`;
  const revisions = history?.revisions ?? [];
  const latest = revisions.at(-1)?.revision ?? 0;
  const toRevision = to && revisions.some((r) => r.revision === to) ? to : latest;
  const fromRevision = from && revisions.some((r) => r.revision === from) ? from : Math.max(1, toRevision - 1);
  const a = revisions.find((r) => r.revision === fromRevision);
  const b = revisions.find((r) => r.revision === toRevision);
  const changes = history && a && b && a !== b ? diffAnswers(history.definition, a.answers, b.answers) : [];

  return (
    <>
      <PageHeader
        eyebrow={cycleTitle(cycle)}
        title="変更履歴"
        actions={
          <ButtonLink href={base} variant="secondary">
            報告内容へ
          </ButtonLink>
        }
      />
      {revisions.length === 0 ? (
        <EmptyState title="まだ提出されていません" />
      ) : (
        <div className="space-y-5">
          <Panel title="提出した版">
            <table className="w-full text-sm">
              <thead>
                <tr className="border-b border-gray-200 text-left text-gray-500">
                  <th className="py-2 font-normal">版</th>
                  <th className="py-2 font-normal">提出日時</th>
                  <th className="py-2 font-normal">
                    <span className="sr-only">操作</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {revisions.map((r) => (
                  <tr key={r.revision} className="border-b border-gray-100">
                    <td className="py-2">{revisionLabel(r.revision, r.kind)}</td>
                    <td className="py-2">{formatDateTime(r.submittedAt)}</td>
                    <td className="space-x-3 py-2 text-right">
                      <Link className="text-teal-800 underline" href={`${base}/receipt?revision=${r.revision}`}>
                        受付票
                      </Link>
                      {r.revision > 1 && (
                        <Link
                          className="text-teal-800 underline"
                          href={`${base}/history?from=${r.revision - 1}&to=${r.revision}`}
                        >
                          前の版との差分
                        </Link>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Panel>
          {a && b && a !== b && (
            <Panel title={`第${fromRevision}版 → 第${toRevision}版 の変更点（${changes.length}項目）`}>
              <RevisionDiffTable
                changes={changes}
                beforeLabel={`第${fromRevision}版`}
                afterLabel={`第${toRevision}版`}
              />
            </Panel>
          )}
        </div>
      )}
    </>
  );
}
