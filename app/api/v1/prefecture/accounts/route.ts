import { apiRoute } from "@/lib/http/api";
import { createRespondentAccount } from "@/lib/services/council-hub-accounts";

/** POST { kind: "council", name, email, zoneIds } | { kind: "hub", name, email, hubId }. */
export const POST = apiRoute(async ({ viewer, body }) => createRespondentAccount(viewer, body));
