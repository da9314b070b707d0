import { apiRoute } from "@/lib/http/api";
import { updateInstitutionContact } from "@/lib/services/institutions";

/** PUT { phone, contactEmail }: the institution's contact details. */
export const PUT = apiRoute<{ institutionId: string }>(async ({ viewer, params, body }) => {
  const institution = await updateInstitutionContact(viewer, params.institutionId, body);
  return { phone: institution.phone, contactEmail: institution.contactEmail };
});
