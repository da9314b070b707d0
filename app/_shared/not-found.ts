import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";

/**
 * Awaits a scoped read; NOT_FOUND (an unknown id, or one outside the viewer's scope — the data
 * layer makes the two look the same) becomes the area's Japanese 404 page instead of a 500.
 */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
