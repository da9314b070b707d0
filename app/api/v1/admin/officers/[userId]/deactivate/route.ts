import { apiRoute } from "@/lib/http/api";
import { deactivateOfficer } from "@/lib/services/officer-accounts";

/** POST: deactivates an officer; every session of theirs ends at once. */
export const POST = apiRoute<{ userId: string }>(async ({ viewer, params }) =>
  deactivateOfficer(viewer, params.userId),
);
