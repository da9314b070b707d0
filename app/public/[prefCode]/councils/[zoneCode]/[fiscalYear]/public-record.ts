import "server-only";
import { notFound } from "next/navigation";
import { getPublishedCouncilRecord } from "@/lib/data/council-records";
import { isAppError } from "@/lib/errors";

export type TPublicParams = { prefCode: string; zoneCode: string; fiscalYear: string };

/**
 * The published record the URL names, or null (the page shows its 404, the downloads answer 404).
 * Malformed segments are treated as unknown, never passed on to the database unchecked.
 */
export async function loadPublicRecord(params: TPublicParams) {
  const { prefCode, zoneCode, fiscalYear } = params;
  if (!/^\d{2}$/.test(prefCode) || !/^[\w-]{1,40}$/.test(zoneCode) || !/^\d{4}$/.test(fiscalYear)) return null;
  try {
    return await getPublishedCouncilRecord(prefCode, zoneCode, Number(fiscalYear));
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

export async function requirePublicRecord(params: TPublicParams) {
  const found = await loadPublicRecord(params);
  if (!found) notFound();
  return found;
}

/** The downloads' answer for anything not published (JSON, like every API error). */
export function notFoundJson(): Response {
  return Response.json(
    { error: { code: "NOT_FOUND", message: "公表された協議の結果が見つかりません。" } },
    { status: 404 },
  );
}
