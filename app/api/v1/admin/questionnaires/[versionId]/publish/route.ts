import { apiRoute } from "@/lib/http/api";
import { publishVersion } from "@/lib/services/questionnaire-versions";

/** Publishes a draft version; after this it never changes. */
export const POST = apiRoute<{ versionId: string }>(({ viewer, params }) => publishVersion(viewer, params.versionId));
