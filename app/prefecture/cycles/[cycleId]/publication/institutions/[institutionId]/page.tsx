import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/viewer";
import { getInstitutionPublicationPreview } from "@/lib/data/publication";
import { SUBMISSION_STATUS_LABELS } from "@/lib/domain/labels";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { Notice } from "@/components/ui/notice";
import { ActionButton } from "@/components/prefecture/action-button";
import { ReasonActionForm } from "@/components/prefecture/publication-forms";
import { InstitutionCard } from "@/components/public/institution-card";
import { orNotFound } from "@/app/_shared/not-found";

export const metadata: Metadata = { title: "公表内容のプレビュー" };

export default async function InstitutionPublicationPreviewPage({
  params,
}: Readonly<{ params: Promise<{ cycleId: string; institutionId: string }> }>) {
  const viewer = await requireRole("prefecture");
  const { cycleId, institutionId } = await params;
  const { cycle, institution, preview } = await orNotFound(
    getInstitutionPublicationPreview(viewer, cycleId, institutionId),
  );
  const api = `/api/v1/prefecture/cycles/${cycle.id}/publication`;
  return (
    <>
      <PageHeader
        title={`${institution.name}の公表内容`}
        eyebrow={
          <Link href={`/prefecture/cycles/${cycle.id}/publication`} className="text-teal-800 underline">
            {cycle.title}の公表へ戻る
          </Link>
        }
        description={`医療機関コード ${institution.code}`}
      />
      <div className="space-y-6">
        {preview.state === "public" && (
          <>
            <Notice>いま公表すると、次の内容が公開されます。</Notice>
            <Panel>
              <InstitutionCard row={preview.row} />
            </Panel>
            <Panel title="公表を保留する">
              <p className="mb-2 text-sm text-gray-700">
                保留すると、公表ページとオープンデータからすぐに外れ、解除するまで公表されません。
              </p>
              <div className="max-w-xl">
                <ReasonActionForm
                  url={`${api}/holds`}
                  body={{ institutionId: institution.id }}
                  label="保留の理由（記録に残ります）"
                  submitLabel="公表を保留"
                />
              </div>
            </Panel>
          </>
        )}
        {preview.state === "held" && (
          <Panel title="公表を保留しています">
            <p className="mb-3 text-sm" data-testid="hold-reason">
              理由: {preview.reason}
            </p>
            <ActionButton url={`${api}/holds/${institution.id}/release`}>保留を解除</ActionButton>
          </Panel>
        )}
        {preview.state === "not-confirmed" && (
          <Notice>
            確認済みの報告がないため公表されません（報告の状態:{" "}
            {preview.status
              ? SUBMISSION_STATUS_LABELS[preview.status as keyof typeof SUBMISSION_STATUS_LABELS]
              : "未着手"}
            ）。
          </Notice>
        )}
      </div>
    </>
  );
}
