// A stand-in for an app process in the kill -9 test (tests/integration/deadline-rush.integration.test.ts):
// saves and submits reports for the clinics named in RUSH_CLIENTS through the real services
// against DATABASE_URL, and prints `ACK <institutionId> <revision>` for every acknowledged
// submission — until the test kills it with SIGKILL.
import { saveDraft, submitReport } from "@/lib/services/respondent-reports";
import type { TViewer } from "@/lib/auth/viewer-types";

type TClient = { viewer: TViewer; answers: Record<string, unknown> };
const clients = JSON.parse(process.env.RUSH_CLIENTS ?? "[]") as TClient[];
const cycleId = process.env.RUSH_CYCLE ?? "";

let next = 0;
await Promise.all(
  Array.from({ length: 8 }, async () => {
    while (next < clients.length) {
      const { viewer, answers } = clients[next++]!;
      const draft = await saveDraft(viewer, cycleId, { draftVersion: 0, answers: { f1_notice: true } });
      const receipt = await submitReport(viewer, cycleId, { draftVersion: draft.draftVersion, answers });
      process.stdout.write(`ACK ${(viewer as { institutionId: string }).institutionId} ${receipt.revision}\n`);
    }
  }),
);
process.stdout.write("DONE\n");
