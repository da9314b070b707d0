import { requireRole } from "@/lib/auth/viewer";
import { getOwnPublicationPreviews } from "@/lib/data/publication";
import { SUBMISSION_STATUS_LABELS } from "@/lib/domain/labels";
import { fiscalYearLabel } from "@/lib/domain/wareki";
import { publicDateText } from "@/lib/summaries/public";
import { Panel } from "@/components/ui/panel";
import { InstitutionCard } from "@/components/public/institution-card";

/**
 * 「Renkei が公表する内容」: before a cycle's 公表日, the institution sees exactly what will be
 * published about it (the same card the public page draws), or why nothing will be.
 */
export async function OwnPublicationPreview() {
  const viewer = await requireRole("institution");
  const previews = await getOwnPublicationPreviews(viewer);
  return previews.map(({ cycle, preview }) => (
    <Panel
      key={cycle.id}
      title={`Renkei が公表する内容（${fiscalYearLabel(cycle.fiscalYear)}）`}
      className="mb-6"
      id={`publication-${cycle.fiscalYear}`}
    >
      <p className="mb-3 text-sm text-gray-700" data-testid="own-publication">
        {cycle.publishAt ? `${publicDateText(cycle.publishAt)}に` : "都道府県が公表日を決めると、"}
        都道府県のウェブページとオープンデータで次の内容を公表します。連絡先や特記事項などの自由記述は公表しません。
      </p>
      {preview.state === "public" ? (
        <details>
          <summary className="cursor-pointer text-sm text-teal-800 underline">公表される内容を見る</summary>
          <div className="mt-3">
            <InstitutionCard row={preview.row} headingLevel={3} />
          </div>
        </details>
      ) : preview.state === "held" ? (
        <p className="text-sm">都道府県が公表を保留しています。</p>
      ) : (
        <p className="text-sm">
          都道府県の確認が済んだ報告だけが公表されます（現在の状態:{" "}
          {preview.status
            ? SUBMISSION_STATUS_LABELS[preview.status as keyof typeof SUBMISSION_STATUS_LABELS]
            : "未着手"}
          ）。
        </p>
      )}
    </Panel>
  ));
}
