import "server-only";
import { runImportJob } from "@/lib/services/import-jobs";
import { expireDocumentJobs, runPacketBatchJob } from "@/lib/services/document-jobs";
import { queueDuePublications, runPublication } from "@/lib/services/publication";
import { reconciliationIntervalSeconds, runCounterReconciliation } from "@/lib/services/counter-schedule";
import type { TJobName, TJobPayload } from "./catalog";
import { registerRecurring } from "./recurring";

// What each job type does. Handlers are idempotent: the queue runs a job at least once (a job
// whose process died is run again), so a handler checks its row's state before working and
// records the outcome on it. A handler that throws is retried with backoff (lib/jobs/catalog.ts).

export type TJobContext = {
  /** The queue's id of this job. */
  jobId: string;
  /** 0 for the first attempt; more when an earlier attempt died or threw. */
  attempt: number;
};

export type TJobHandler<N extends TJobName> = (payload: TJobPayload<N>, context: TJobContext) => Promise<unknown>;

export const JOB_HANDLERS: { [N in TJobName]: TJobHandler<N> } = {
  "import.apply": ({ importJobId }, { attempt }) => runImportJob(importJobId, { retry: attempt > 0 }),
  "documents.packet-batch": ({ documentJobId }, { attempt }) =>
    runPacketBatchJob(documentJobId, { retry: attempt > 0 }),
  "publication.run": ({ cycleId, trigger, requestedById, requestedByEmail }) =>
    runPublication(cycleId, trigger, { id: requestedById, email: requestedByEmail }),
};

registerRecurring("documents.housekeeping", { seconds: 3600 }, expireDocumentJobs);
// Counters that cannot drift: reconciled at start and periodically (docs/decisions/0012).
const reconcileEvery = reconciliationIntervalSeconds();
if (reconcileEvery !== null)
  registerRecurring("counters.reconcile", { seconds: reconcileEvery }, runCounterReconciliation);
// Publications whose date has come although no job was queued for it (the date was changed on the
// cycle page): checked every 5 minutes.
registerRecurring("publication.due", { seconds: 300 }, queueDuePublications);
