import { apiRoute } from "@/lib/http/api";
import { resendMail } from "@/lib/services/cycle-mail";

/** POST: sends one message of the log again (a new row; re-checked at send time like any other). */
export const POST = apiRoute<{ cycleId: string; mailId: string }>(({ viewer, params }) =>
  resendMail(viewer, params.cycleId, params.mailId),
);
