import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";

export type TViewerContext = {
  scopeLabel: string;
  /** The data this viewer sees is fictional demo data (架空のデモデータ). */
  isDemo: boolean;
};

/** What the app shell shows about the viewer's scope: "福井県", "丹南（協議の場）", a clinic's name… */
export const getViewerContext = cache(async (viewer: TViewer): Promise<TViewerContext> => {
  switch (viewer.role) {
    case "institution": {
      const institution = await db.institution.findUniqueOrThrow({
        where: { id: viewer.institutionId },
        select: { name: true, prefecture: { select: { isDemo: true } } },
      });
      return { scopeLabel: institution.name, isDemo: institution.prefecture.isDemo };
    }
    case "hub": {
      const hub = await db.hub.findUniqueOrThrow({
        where: { id: viewer.hubId },
        select: { name: true, prefecture: { select: { isDemo: true } } },
      });
      return { scopeLabel: hub.name, isDemo: hub.prefecture.isDemo };
    }
    case "prefecture": {
      const prefecture = await db.prefecture.findUniqueOrThrow({ where: { code: viewer.prefectureCode } });
      return { scopeLabel: prefecture.name, isDemo: prefecture.isDemo };
    }
    case "council": {
      const [prefecture, zones] = await Promise.all([
        db.prefecture.findUniqueOrThrow({ where: { code: viewer.prefectureCode } }),
        db.zone.findMany({
          where: { id: { in: viewer.zoneIds } },
          select: { name: true },
          orderBy: { sortOrder: "asc" },
        }),
      ]);
      return {
        scopeLabel: `${prefecture.name} ${zones.map((z) => z.name).join("・")}（協議の場）`,
        isDemo: prefecture.isDemo,
      };
    }
    case "admin": {
      const demoCount = await db.prefecture.count({ where: { isDemo: true } });
      return { scopeLabel: "全国", isDemo: demoCount > 0 };
    }
  }
});

/** Whether the database holds the demo prefecture (the sign-in page then lists demo accounts). */
export async function hasDemoData(): Promise<boolean> {
  return (await db.prefecture.count({ where: { isDemo: true } })) > 0;
}
