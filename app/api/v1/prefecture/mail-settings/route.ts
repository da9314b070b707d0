import { apiRoute } from "@/lib/http/api";
import { saveMailSettings } from "@/lib/services/mail-settings";

/** POST { senderName, contact, signature }: the prefecture's sender and signature of every mail and letter. */
export const POST = apiRoute(async ({ viewer, body }) => {
  await saveMailSettings(viewer, body);
  return { saved: true };
});
