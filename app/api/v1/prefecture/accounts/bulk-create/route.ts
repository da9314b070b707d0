import { apiRoute } from "@/lib/http/api";
import { createAccountsFromRoster } from "@/lib/services/accounts";

/** POST: creates the respondent accounts the roster's e-mails allow; reports what was skipped and why. */
export const POST = apiRoute(async ({ viewer }) => {
  const { userIds: _ids, ...result } = await createAccountsFromRoster(viewer);
  return result;
});
