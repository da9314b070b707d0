/** Shared classes of the prefecture's form controls (same look as the sign-in form). */
export const inputClass =
  "mt-1 block w-full rounded-md border-gray-300 text-sm shadow-sm focus:border-teal-600 focus:ring-teal-600 disabled:bg-gray-100";
export const labelClass = "block text-sm font-medium text-gray-700";
export const errorClass = "mt-1 text-sm text-red-700";
