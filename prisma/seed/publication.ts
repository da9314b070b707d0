// 公表 in the demo: last year's closed 令和6年度 cycle is published (its date has passed; the run
// is the real one, so the public pages show exactly what the service would publish), and this
// year's 令和7年度 cycle is scheduled for its 公表予定日, so institutions see "Renkei が公表する内容".
import { db } from "@/lib/db";
import { runPublication } from "@/lib/services/publication";

export async function seedDemoPublication({ published, scheduled }: { published: string; scheduled: string }) {
  for (const cycleId of [published, scheduled]) {
    const cycle = await db.reportingCycle.findUniqueOrThrow({
      where: { id: cycleId },
      select: { prefectureCode: true },
    });
    await db.publicationSetting.create({
      data: { cycleId, prefectureCode: cycle.prefectureCode, status: "SCHEDULED", licence: "CC-BY-4.0" },
    });
  }
  const outcome = await runPublication(published, "SCHEDULED");
  if (!outcome.ran) throw new Error(`demo publication did not run: ${outcome.reason}`);
}
