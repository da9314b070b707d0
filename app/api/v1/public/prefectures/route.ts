import { publicRoute } from "@/lib/http/public-api";
import { listPublishedPrefectures } from "@/lib/data/public";

/** GET: the prefectures that have published, with their public years. */
export const GET = publicRoute(async () => {
  const prefectures = await listPublishedPrefectures();
  const version = prefectures.map((p) => `${p.code}:${p.years.map((y) => y.dataAsOf.getTime()).join("-")}`).join(",");
  return {
    version: version ? Buffer.from(version).toString("base64url").slice(0, 60) : "none",
    body: {
      prefectures: prefectures.map((p) => ({
        code: p.code,
        name: p.name,
        demo: p.isDemo,
        years: p.years.map((y) => ({
          fiscalYear: y.fiscalYear,
          dataAsOf: y.dataAsOf.toISOString(),
          institutions: y.institutions,
        })),
        url: `/api/v1/public/${p.code}/institutions`,
      })),
    },
  };
});
