/** The error body every JSON route returns (lib/http/api.ts). */
export type TApiError = {
  code: string;
  message: string;
  fieldErrors?: Record<string, string[]>;
  reference?: string;
};
