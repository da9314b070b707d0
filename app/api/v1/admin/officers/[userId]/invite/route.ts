import { apiRoute } from "@/lib/http/api";
import { resendOfficerInvitation } from "@/lib/services/officer-accounts";

/** POST: a new invitation for an officer who has not set a password (the earlier link stops working). */
export const POST = apiRoute<{ userId: string }>(async ({ viewer, params }) =>
  resendOfficerInvitation(viewer, params.userId),
);
