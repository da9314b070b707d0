import "server-only";
import { runImportJob } from "@/lib/services/import-jobs";
import { expireDocumentJobs, runPacketBatchJob } from "@/lib/services/document-jobs";
import { queueDuePublications, runPublication } from "@/lib/services/publication";
import { reconciliationIntervalSeconds, runCounterReconciliation } from "@/lib/services/counter-schedule";
import { foldClinicCounterChanges } from "@/lib/services/counters";
import { computeOutlierFlags, outlierSweepIntervalSeconds, sweepOutlierFlags } from "@/lib/services/outlier-flags";
import { runMailJob } from "@/lib/services/mail-delivery";
import { dispatchQueuedMail, runReminderSchedule } from "@/lib/services/mail-dispatch";
import { runPasswordResetJob } from "@/lib/services/password-reset";
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
  "review-flags.compute": ({ cycleId }) => computeOutlierFlags(cycleId),
  "mail.send": ({ mailId }, { attempt }) => runMailJob(mailId, { attempt }),
  "mail.dispatch": () => dispatchQueuedMail(),
  "mail.password-reset": ({ userId, requestedAt }, { attempt }) =>
    runPasswordResetJob(userId, { attempt, requestedAt: new Date(requestedAt) }),
  "publication.run": ({ cycleId, trigger, requestedById, requestedByEmail }) =>
    runPublication(cycleId, trigger, { id: requestedById, email: requestedByEmail }),
};

registerRecurring("documents.housekeeping", { seconds: 3600 }, expireDocumentJobs);
// The counters' change log is folded into the stored rows a few seconds behind the writers; readers
// add what is still pending, so nothing waits for it (docs/decisions/0012).
registerRecurring("counters.fold", { seconds: 1 }, foldClinicCounterChanges);
// Counters that cannot drift: reconciled at start and periodically (docs/decisions/0012).
const reconcileEvery = reconciliationIntervalSeconds();
if (reconcileEvery !== null)
  registerRecurring("counters.reconcile", { seconds: reconcileEvery }, runCounterReconciliation);
// Outlier flags follow the reports: cycles changed since their last run are queued (issue 16).
const outlierSweepEvery = outlierSweepIntervalSeconds();
if (outlierSweepEvery !== null)
  registerRecurring("review-flags.sweep", { seconds: outlierSweepEvery }, sweepOutlierFlags);
// Mail (docs/decisions/0021): rows whose dispatch kick was lost, and the reminder rounds that are due.
registerRecurring("mail.dispatch", { seconds: 60 }, dispatchQueuedMail);
registerRecurring("mail.reminders", { seconds: 300 }, () => runReminderSchedule());
// Publications whose date has come although no job was queued for it (the date was changed on the
// cycle page): checked every 5 minutes.
registerRecurring("publication.due", { seconds: 300 }, queueDuePublications);
