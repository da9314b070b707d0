// Options of the synthetic data generator (scripts/lib/synth.ts), checked without a database.
import { PREFECTURES } from "@/lib/domain/prefectures";
import { SYNTH_DEFAULT_SEED } from "./synth-reference";

/** 福井県: the demo prefecture, never generated unless listed explicitly. */
const DEMO_PREFECTURE_CODE = "18";

export const SYNTH_MAX_INSTITUTIONS = 1_000_000;

export type TSynthOptions = {
  /** Institutions in total over the generated prefectures (e.g. 113,000 for all of Japan). */
  institutions: number;
  /** Prefecture codes ("13", "27"); default all 47 except the demo prefecture 福井 (18). */
  prefectures?: readonly string[];
  seed?: string;
  /** Delete the data of the prefectures to generate first (only prefectures marked isDemo). */
  reset?: boolean;
  /** "Today" for the open cycle's dates (default: now). */
  now?: Date;
  /** Progress lines (Japanese). */
  log?: (line: string) => void;
};

/** The database already holds data for prefectures the run would generate. Nothing was written. */
export class SynthConflictError extends Error {
  override readonly name = "SynthConflictError";
}

/** The options are wrong (usage). Nothing was written. */
export class SynthOptionsError extends Error {
  override readonly name = "SynthOptionsError";
}

export function resolveSynthOptions(options: TSynthOptions): {
  institutions: number;
  prefectures: string[];
  seed: string;
} {
  const institutions = options.institutions;
  if (!Number.isInteger(institutions) || institutions < 1 || institutions > SYNTH_MAX_INSTITUTIONS) {
    throw new SynthOptionsError(
      `--institutions は 1〜${SYNTH_MAX_INSTITUTIONS.toLocaleString("ja-JP")} の整数で指定してください。`,
    );
  }
  const codes = options.prefectures?.length
    ? options.prefectures.map((c) => c.trim().padStart(2, "0"))
    : PREFECTURES.map((p) => p.code).filter((c) => c !== DEMO_PREFECTURE_CODE);
  const unknown = codes.filter((c) => !PREFECTURES.some((p) => p.code === c));
  if (unknown.length > 0)
    throw new SynthOptionsError(`都道府県コード「${unknown.join("、")}」は 01〜47 で指定してください。`);
  const prefectures = [...new Set(codes)].sort();
  const seed = options.seed?.trim() || SYNTH_DEFAULT_SEED;
  return { institutions, prefectures, seed };
}
