import Link from "next/link";
import { formatDateTime } from "@/lib/domain/wareki";
import {
  formatOutcome,
  IMPORT_KIND_LABELS,
  IMPORT_STATUS_LABELS,
  type TImportJobStatus,
  type TImportKind,
  type TImportOutcome,
} from "@/lib/prefecture/import-preview";

type TJob = {
  id: string;
  kind: TImportKind;
  status: TImportJobStatus;
  fileName: string;
  createdAt: Date;
  createdByEmail: string;
  result: unknown;
};

/** The latest imports of a kind, each linking to its preview or result. */
export function RecentImports({ jobs }: Readonly<{ jobs: TJob[] }>) {
  if (jobs.length === 0) return <p className="text-sm text-gray-600">まだ取込はありません。</p>;
  return (
    <ul className="divide-y divide-gray-100 text-sm">
      {jobs.map((job) => (
        <li key={job.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
          <Link href={`/prefecture/imports/${job.id}`} className="text-teal-800 underline">
            {formatDateTime(job.createdAt)} {IMPORT_KIND_LABELS[job.kind]}「{job.fileName}」
          </Link>
          <span className="text-gray-600">
            {IMPORT_STATUS_LABELS[job.status]}
            {job.result ? `: ${formatOutcome(job.result as TImportOutcome)}` : ""}（{job.createdByEmail}）
          </span>
        </li>
      ))}
    </ul>
  );
}
