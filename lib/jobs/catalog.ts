// The job types of Renkei's one durable queue (docs/decisions/0013-job-queue.md): each has a name,
// a zod schema for its payload (checked when it is queued and again when it runs: a payload
// written by an older release must still parse) and how it is retried. Pure: no database here, so
// services that queue jobs and the workers that run them both import it without a cycle.
//
// Adding a type: an entry here, its handler in lib/jobs/handlers.ts (the compiler insists), then
// `enqueue(name, payload)` wherever the work is asked for.
import { z } from "zod";

export type TJobTypeOptions = {
  /**
   * How long one attempt may run before the queue considers its process dead and retries it.
   * Longer than the work's own timeout, so that a slow attempt is never run twice at once.
   */
  expireInSeconds: number;
  /** Attempts after the first (a crash, or the handler throwing). */
  retryLimit: number;
  /** Seconds before the first retry; doubled for each further one (with jitter). */
  retryDelaySeconds: number;
  /** Jobs of this type one process runs at a time. */
  concurrency: number;
  /**
   * Least time between the starts of two jobs of this type in one process (throttling, e.g. for
   * mail); 0 for none.
   */
  minIntervalMs: number;
};

function jobType<S extends z.ZodType>(payload: S, options: TJobTypeOptions) {
  return { payload, options };
}

export const JOB_TYPES = {
  /** Applies a previewed import (ImportJob row): one transaction, progress on the row. */
  "import.apply": jobType(z.object({ importJobId: z.string().min(1).max(64) }), {
    // The apply's transaction times out after 10 minutes (lib/services/import-jobs.ts).
    expireInSeconds: 11 * 60,
    retryLimit: 2,
    retryDelaySeconds: 5,
    concurrency: 1,
    minIntervalMs: 0,
  }),
  /** Renders every zone's council packet and the prefecture summary into one ZIP (DocumentJob row). */
  "documents.packet-batch": jobType(z.object({ documentJobId: z.string().min(1).max(64) }), {
    expireInSeconds: 15 * 60,
    retryLimit: 2,
    retryDelaySeconds: 5,
    concurrency: 1,
    minIntervalMs: 0,
  }),
  /**
   * Recomputes one clinic-report cycle's outlier flags (lib/services/outlier-flags.ts); keyed by
   * the cycle, so requests while one waits coalesce into it.
   */
  "review-flags.compute": jobType(z.object({ cycleId: z.string().min(1).max(64) }), {
    expireInSeconds: 10 * 60,
    retryLimit: 2,
    retryDelaySeconds: 10,
    concurrency: 1,
    minIntervalMs: 0,
  }),
  // --- cycle-mail ---
  /** Sends one message of the send log (MailMessage row), re-checking at send time whether it is still due. */
  "mail.send": jobType(z.object({ mailId: z.string().min(1).max(64) }), {
    // One SMTP conversation; nodemailer gives up on a silent server after 2 minutes.
    expireInSeconds: 3 * 60,
    // 5 attempts over about 8 minutes (30 s, 60 s, 120 s, 240 s) before the row is FAILED.
    retryLimit: 4,
    retryDelaySeconds: 30,
    concurrency: 1,
    // Throttled: at most 5 mails a second per app instance, under the usual relay limits.
    minIntervalMs: 200,
  }),
  /**
   * Mails a set-password link asked for on the sign-in page (「パスワードをお忘れの方」,
   * lib/services/password-reset.ts). Carries the account only: the link is issued as the mail
   * leaves (a raw token is never stored, not even in the queue). Keyed by the account, so
   * requests while one waits coalesce into it.
   */
  "mail.password-reset": jobType(
    z.object({ userId: z.string().min(1).max(64), requestedAt: z.string().datetime() }),
    // As "mail.send": one SMTP conversation, 5 attempts over about 8 minutes, throttled.
    { expireInSeconds: 3 * 60, retryLimit: 4, retryDelaySeconds: 30, concurrency: 1, minIntervalMs: 200 },
  ),
  /** Puts a "mail.send" job on the queue for every QUEUED row of the send log that has none. */
  "mail.dispatch": jobType(z.object({}), {
    expireInSeconds: 5 * 60,
    retryLimit: 2,
    retryDelaySeconds: 5,
    concurrency: 1,
    minIntervalMs: 0,
  }),
  /**
   * A publication run (公表): freezes the cycle's public rows and makes them live. SCHEDULED on the
   * cycle's 公表予定日 (acts only if still due), NOW for the officer's 今すぐ公表.
   */
  "publication.run": jobType(
    z.object({
      cycleId: z.string().min(1).max(64),
      trigger: z.enum(["SCHEDULED", "NOW"]),
      requestedById: z.string().max(64).nullable(),
      requestedByEmail: z.string().max(320).nullable(),
    }),
    { expireInSeconds: 15 * 60, retryLimit: 3, retryDelaySeconds: 10, concurrency: 1, minIntervalMs: 0 },
  ),
};

export type TJobName = keyof typeof JOB_TYPES;
export type TJobPayload<N extends TJobName> = z.infer<(typeof JOB_TYPES)[N]["payload"]>;

export function isJobName(name: string): name is TJobName {
  return Object.hasOwn(JOB_TYPES, name);
}

export function parseJobPayload<N extends TJobName>(name: N, payload: unknown): TJobPayload<N> {
  return JOB_TYPES[name].payload.parse(payload) as TJobPayload<N>;
}
