import { apiRoute } from "@/lib/http/api";
import { createOfficer } from "@/lib/services/officer-accounts";

/** POST { name, email, prefectureCode }: the national administrator creates a prefecture officer. */
export const POST = apiRoute(async ({ viewer, body }) => createOfficer(viewer, body));
