// The commands of `npm run renkei -- <command>` (scripts/renkei.ts parses nothing but hands the
// arguments here, so tests call runRenkei directly). Each command acts as the prefecture's
// command-line viewer (lib/services/cli-viewer.ts): the same services, validation, messages and
// audit as the web, recorded under the actor "cli".
//
// Exit codes: 0 success; 1 the file (or the data it names) is invalid — nothing was written;
// 2 the command line itself is wrong; 3 the apply failed — nothing was written.
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { isPrefectureCode, prefectureName } from "@/lib/domain/prefectures";
import { checkFileSize, ENCODING_LABELS, formatIssuesForCli } from "@/lib/import";
import { applyImportJob, checkImport, createImportPreview, runImportJob } from "@/lib/services/import-jobs";
import { unsafeCliViewer } from "@/lib/services/cli-viewer";
import { getImportJob, getRejectedRows } from "@/lib/data/import-jobs";
import type { TViewer } from "@/lib/auth/viewer-types";
import { listCycles } from "@/lib/data/cycles";
import { exportSubmissions } from "@/lib/services/exports";
import { tableToFile } from "@/lib/export/table-file";
import {
  formatOutcome,
  IMPORT_KIND_LABELS,
  summarizeDetails,
  type TImportApplyOptions,
  type TImportKind,
  type TImportPreview,
} from "@/lib/prefecture/import-preview";
import { CYCLE_STATUS_LABELS } from "@/lib/domain/labels";
import { formatDeadline } from "@/lib/domain/wareki";
import { RESPONSE_STATUS_LABELS, RESPONSE_STATUSES } from "@/lib/aggregation/status";
import { registerDefinition } from "@/lib/services/questionnaire-versions";
import { recountCycles } from "@/lib/services/counters";
import { allItems, parseDefinition } from "@/lib/questionnaire/definition";
import { QUESTIONNAIRE_KIND_LABELS } from "@/lib/domain/labels";
import { synthesize, SynthConflictError, SynthOptionsError } from "./synth";
import { currentTotp } from "@/lib/auth/totp";
import { DEMO_ACCOUNTS, DEMO_TOTP_SECRET } from "@/lib/demo-accounts";

export type TIo = { out: (line: string) => void; err: (line: string) => void };

export const EXIT = { ok: 0, invalid: 1, usage: 2, failed: 3 } as const;

export const HELP = `Renkei コマンドライン — npm run renkei -- <コマンド> [オプション]

  list-cycles --prefecture <コード>
      都道府県の報告サイクル（ID・年度・状態・提出状況）を一覧表示します。
  import-roster --prefecture <コード> <ファイル> [--deactivate-missing] [--dry-run]
      医療機関名簿（CSV UTF-8/Shift_JIS または .xlsx）を取り込みます。ファイルにない医療機関は
      --deactivate-missing を付けたときだけ無効にします。
  import-zones --prefecture <コード> <ファイル> [--dry-run]
      圏域（区分名・圏域コード・圏域名・市区町村コード）を取り込みます。
  import-population --prefecture <コード> <ファイル> [--dry-run]
      市区町村の人口（総人口・65歳以上・75歳以上・出典・基準年）を取り込みます。
  import-ndb --cycle <ID> <ファイル> [--dry-run]
      NDB プレプリント値（医療機関コード・項目キー・値）を取り込みます。
  import-submissions --cycle <ID> <ファイル> [--overwrite-web] [--dry-run]
      紙で届いた報告（1医療機関1行）を取り込みます。Web の報告と同じ検証を行います。Web で
      報告済みの医療機関を上書きするには --overwrite-web が必要です。
  取込の共通オプション（import-zones を除く）: --valid-rows-only [--rejected-out <ファイル>]
      誤りのある行があっても、正しい行だけを取り込みます（既定は1行でも誤りがあれば何も取り込みません）。
      取り込まなかった行は、元の列に「元の行」「取り込めなかった理由」を加えたファイルに書き出します
      （既定: <ファイル名>_取り込めなかった行.csv / .xlsx）。--deactivate-missing とは併用できません。
  export-submissions --cycle <ID> --format csv|xlsx [--encoding utf-8|shift_jis] <ファイルまたはフォルダ>
      回答者ごとに1行（コード・名称・市区町村・全項目・機能の有無・状況・版）で出力します。
      フォルダを指定すると、画面からのダウンロードと同じファイル名（年度・都道府県・日付・文字コード入り）で保存します。
      出力したファイルは import-submissions でそのまま読み込めます。
  synth --institutions <件数> [--prefectures 13,27] [--seed <文字列>] [--reset]
      ベンチマーク・負荷試験・帳票確認用の合成データ（架空）を作ります。都道府県ごとに市区町村・人口・
      二次医療圏と在宅医療の圏域・病院と診療所・拠点・2年度分の報告（未着手〜確認済）を作成します。
      --prefectures を省くと福井県（デモ）以外の46都道府県です。すでにデータのある都道府県には
      書き込みません。--reset を付けると、対象の都道府県の架空データを削除してから作り直します。
  publish-definition <定義ファイル.json> [--draft] [--dry-run]
      調査票の定義（JSON）を検査して版として登録し、公開します。--draft は下書きとして登録するだけで
      公開しません（管理画面で確認してから公開できます）。公開済みの版は変更できません。内容を変える
      ときは新しい versionKey で登録してください。同じ内容の再登録は何も変えません。
  recount [--cycle <ID> | --prefecture <コード>]
      ダッシュボードの集計値を報告から数え直します（省略時は全サイクル）。集計形式の変更後や
      データベースを直接修正したときの修復用で、食い違っていた集計行の件数を表示します
      （サーバーも起動時と10分ごとに自動で照合します）。
  backup <ファイル> / restore <ファイル>
      データベース全体をファイルに保存し、またはファイルから戻します。PostgreSQL（DATABASE_URL）は
      pg_dump / pg_restore、組み込みデータベースは PGlite のデータフォルダの保存です（npm run demo を
      停止してから実行してください。復元前のデータは .data/pglite.before-restore-… に残ります）。
  demo-totp
      デモ用の都道府県担当者（pref@demo.renkei.jp）と全国管理者（admin@demo.renkei.jp）の
      2段階認証の確認コード（今から30秒ごとに変わります）と、認証アプリに登録するキーを表示します。
  help
      この説明を表示します。

--dry-run はファイルを検査して変更内容を表示するだけで、何も書き込みません。
終了コード: 0 成功 / 1 ファイルの誤り（何も書き込まれていません）/ 2 コマンドの指定の誤り / 3 反映の失敗（何も書き込まれていません）
`;

class UsageError extends Error {}

/** Whether the arguments name a command that uses the database (help and typos do not). */
export function needsDatabase(argv: readonly string[]): boolean {
  const command = argv[0];
  return (
    command !== undefined &&
    command !== "help" &&
    command !== "demo-totp" &&
    (COMMANDS as readonly string[]).includes(command) &&
    !argv.includes("--help") &&
    !argv.includes("-h")
  );
}

const COMMANDS = [
  "help",
  "list-cycles",
  "import-roster",
  "import-zones",
  "import-population",
  "import-ndb",
  "import-submissions",
  "export-submissions",
  "synth",
  "publish-definition",
  "recount",
  "demo-totp",
] as const;
type TCommand = (typeof COMMANDS)[number];

const IMPORT_KINDS: Partial<Record<TCommand, TImportKind>> = {
  "import-roster": "ROSTER",
  "import-zones": "ZONES",
  "import-population": "POPULATION",
  "import-ndb": "NDB",
  "import-submissions": "PAPER",
};

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        prefecture: { type: "string" },
        cycle: { type: "string" },
        format: { type: "string" },
        encoding: { type: "string" },
        "deactivate-missing": { type: "boolean", default: false },
        "overwrite-web": { type: "boolean", default: false },
        "valid-rows-only": { type: "boolean", default: false },
        "rejected-out": { type: "string" },
        "dry-run": { type: "boolean", default: false },
        institutions: { type: "string" },
        prefectures: { type: "string" },
        seed: { type: "string" },
        reset: { type: "boolean", default: false },
        draft: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`オプションが正しくありません: ${error instanceof Error ? error.message : String(error)}`);
  }
}

type TValues = ReturnType<typeof parse>["values"];

function requirePrefecture(code: string | undefined): string {
  if (!code) throw new UsageError("--prefecture <都道府県コード>（例: 18）を指定してください。");
  const normalized = code.padStart(2, "0");
  if (!isPrefectureCode(normalized)) throw new UsageError(`都道府県コード「${code}」は 01〜47 で指定してください。`);
  return normalized;
}

async function requireCycle(id: string | undefined) {
  if (!id) throw new UsageError("--cycle <報告サイクルID> を指定してください（list-cycles で確認できます）。");
  const cycle = await db.reportingCycle.findUnique({ where: { id }, select: { id: true, prefectureCode: true } });
  if (!cycle) throw new UsageError(`報告サイクル「${id}」はありません（list-cycles で確認できます）。`);
  return cycle;
}

function readInput(file: string | undefined) {
  if (!file) throw new UsageError("取り込むファイルを指定してください。");
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new UsageError(`ファイル「${file}」が見つかりません。`);
  }
  // The import layer checks the size first as well; refusing here spares reading a huge file.
  const tooLarge = checkFileSize(size);
  return { name: path.basename(file), bytes: tooLarge ? null : new Uint8Array(readFileSync(file)), tooLarge };
}

function printPreview(io: TIo, kind: TImportKind, preview: TImportPreview) {
  const format =
    preview.format === "xlsx"
      ? `Excel（.xlsx${preview.sheetName ? `、シート「${preview.sheetName}」` : ""}）`
      : preview.encoding
        ? `CSV（${ENCODING_LABELS[preview.encoding]}）`
        : "—";
  io.out(`${IMPORT_KIND_LABELS[kind]}: ${format}、データ ${preview.stats.dataRows.toLocaleString("ja-JP")}行`);
  if (preview.details) io.out(`変更内容: ${summarizeDetails(preview.details)}`);
  if (preview.warnings.length > 0) {
    io.out(`注意 ${preview.warnings.length}件:`);
    io.out(formatIssuesForCli(preview.warnings));
  }
}

async function runImport(io: TIo, command: TCommand, values: TValues, positionals: string[]): Promise<number> {
  const kind = IMPORT_KINDS[command]!;
  const needsCycle = kind === "NDB" || kind === "PAPER";
  const cycle = needsCycle ? await requireCycle(values.cycle) : null;
  const prefectureCode = cycle ? cycle.prefectureCode : requirePrefecture(values.prefecture);
  if (positionals.length > 1) throw new UsageError(`ファイルは1つだけ指定してください（${positionals.join("、")}）。`);
  const input = readInput(positionals[0]);
  const viewer = unsafeCliViewer(prefectureCode);
  if (input.tooLarge || !input.bytes) {
    io.err(formatIssuesForCli([input.tooLarge!]));
    io.err("ファイルに誤りがあるため、何も取り込んでいません。");
    return EXIT.invalid;
  }
  const file = { name: input.name, bytes: input.bytes };
  const validRowsOnly = values["valid-rows-only"];
  if (validRowsOnly && values["deactivate-missing"]) {
    throw new UsageError("--valid-rows-only と --deactivate-missing は一緒に使えません。");
  }
  const options: TImportApplyOptions = {
    deactivateMissing: values["deactivate-missing"],
    overwriteWeb: values["overwrite-web"],
    validRowsOnly,
  };

  if (values["dry-run"]) {
    const preview = await checkImport(viewer, { kind, file, cycleId: cycle?.id });
    printPreview(io, kind, preview);
    if (!preview.ok && !(validRowsOnly && preview.validRowsImportable)) return reportInvalid(io, preview);
    io.out("--dry-run のため、何も書き込んでいません。");
    return EXIT.ok;
  }
  const { jobId, preview } = await createImportPreview(viewer, { kind, file, cycleId: cycle?.id });
  printPreview(io, kind, preview);
  if (!preview.ok && !(validRowsOnly && preview.validRowsImportable)) return reportInvalid(io, preview);
  try {
    await applyImportJob(viewer, jobId, options);
  } catch (error) {
    if (isAppError(error)) {
      io.err(error.message);
      io.err("何も書き込んでいません。");
      return EXIT.invalid;
    }
    throw error;
  }
  await runImportJob(jobId);
  const job = await getImportJob(viewer, jobId);
  if (job.status !== "SUCCEEDED" || !job.result) {
    io.err(job.errorMessage ?? "反映できませんでした。");
    if (job.preview.errors.length > 0) io.err(formatIssuesForCli(job.preview.errors));
    return EXIT.failed;
  }
  io.out(`取り込みました（${prefectureName(prefectureCode)}、取込ID ${jobId}）: ${formatOutcome(job.result)}`);
  if (job.result.rejected) await writeRejectedRows(io, viewer, jobId, positionals[0]!, values["rejected-out"]);
  return EXIT.ok;
}

/** The rows a --valid-rows-only import left out, with their reasons, next to the input file. */
async function writeRejectedRows(
  io: TIo,
  viewer: TViewer,
  jobId: string,
  inputPath: string,
  target: string | undefined,
) {
  const { rejectedRows } = await getRejectedRows(viewer, jobId);
  if (!rejectedRows) return;
  const file = await tableToFile(rejectedRows.table, rejectedRows.format, "取り込めなかった行");
  const out = target ?? `${inputPath.replace(/\.[^./\\]*$/, "")}_取り込めなかった行.${file.extension}`;
  writeFileSync(out, file.bytes);
  io.err(`取り込まなかった行 ${rejectedRows.table.rows.length}件を理由つきで書き出しました: ${out}`);
}

function reportInvalid(io: TIo, preview: TImportPreview): number {
  io.err(`誤り ${preview.stats.errorCount.toLocaleString("ja-JP")}件:`);
  io.err(formatIssuesForCli(preview.errors));
  io.err("ファイルに誤りがあるため、何も取り込んでいません。修正してからもう一度実行してください。");
  return EXIT.invalid;
}

async function listCyclesCommand(io: TIo, values: TValues): Promise<number> {
  const prefectureCode = requirePrefecture(values.prefecture);
  const cycles = await listCycles(unsafeCliViewer(prefectureCode));
  if (cycles.length === 0) {
    io.out(`${prefectureName(prefectureCode)}の報告サイクルはありません。`);
    return EXIT.ok;
  }
  for (const c of cycles) {
    const counts = RESPONSE_STATUSES.map((s) => `${RESPONSE_STATUS_LABELS[s]} ${c.counts[s]}`).join(" / ");
    io.out(
      `${c.id}  ${c.title}  [${CYCLE_STATUS_LABELS[c.status]}]  提出期限 ${formatDeadline(c.closesAt)}  ${c.questionnaireVersion.label}`,
    );
    io.out(`    ${counts}（対象 ${c.counts.total}）`);
  }
  return EXIT.ok;
}

async function exportCommand(io: TIo, values: TValues, positionals: string[]): Promise<number> {
  const cycleRow = await requireCycle(values.cycle);
  const format = values.format;
  if (format !== "csv" && format !== "xlsx")
    throw new UsageError("--format csv または --format xlsx を指定してください。");
  const encoding = values.encoding ?? "utf-8";
  if (!["utf-8", "shift_jis"].includes(encoding))
    throw new UsageError("--encoding は utf-8 または shift_jis を指定してください。");
  const target = positionals[0];
  if (!target || positionals.length > 1) throw new UsageError("出力先のファイルを1つ指定してください。");
  const viewer = unsafeCliViewer(cycleRow.prefectureCode);
  const file = await exportSubmissions(
    viewer,
    cycleRow.id,
    format === "xlsx" ? "xlsx" : encoding === "shift_jis" ? "csv-sjis" : "csv",
  );
  // A folder as the target gets the file under the same name the browser download carries.
  const out = existsSync(target) && statSync(target).isDirectory() ? path.join(target, file.fileName) : target;
  writeFileSync(out, file.bytes);
  io.out(`${file.cycleTitle}: ${file.rows.toLocaleString("ja-JP")}件を ${out} に出力しました（列 ${file.columns}）。`);
  return EXIT.ok;
}

async function synthCommand(io: TIo, values: TValues, positionals: string[]): Promise<number> {
  if (positionals.length > 0) throw new UsageError(`synth はファイルを取りません（${positionals.join("、")}）。`);
  if (!values.institutions) throw new UsageError("--institutions <件数>（例: 113000）を指定してください。");
  const institutions = Number(values.institutions.replace(/[,_]/g, ""));
  const prefectures = values.prefectures?.split(/[,、\s]+/).filter(Boolean);
  try {
    const result = await synthesize({ institutions, prefectures, seed: values.seed, reset: values.reset, log: io.out });
    io.out(
      `合成データ（架空）: ${result.prefectures.length}都道府県、医療機関 ${result.institutions.toLocaleString("ja-JP")}件` +
        `（病院 ${result.hospitals.toLocaleString("ja-JP")}・診療所 ${result.clinics.toLocaleString("ja-JP")}）、シード「${result.seed}」、${result.seconds.toFixed(0)} 秒`,
    );
    return EXIT.ok;
  } catch (error) {
    if (error instanceof SynthOptionsError) throw new UsageError(error.message);
    if (error instanceof SynthConflictError) {
      io.err(error.message);
      return EXIT.invalid;
    }
    throw error;
  }
}

/**
 * A questionnaire definition from a JSON file, validated as the administrator's upload is, then
 * registered (and published unless --draft) through the same service, audited as "cli".
 */
async function publishDefinitionCommand(io: TIo, values: TValues, positionals: string[]): Promise<number> {
  const file = positionals[0];
  if (!file) throw new UsageError("登録する定義ファイル（.json）を指定してください。");
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      throw new UsageError(`ファイル「${file}」が見つかりません。`);
    io.err(
      `ファイル「${path.basename(file)}」は JSON として読めません: ${error instanceof Error ? error.message : String(error)}`,
    );
    return EXIT.invalid;
  }
  const parsed = parseDefinition(raw);
  if (!parsed.ok) {
    io.err(`調査票の定義に誤りがあります（${parsed.errors.length}件）。何も登録していません。`);
    for (const message of parsed.errors) io.err(`  ${message}`);
    return EXIT.invalid;
  }
  const d = parsed.definition;
  const items = allItems(d);
  io.out(
    `${QUESTIONNAIRE_KIND_LABELS[d.kind]} ${d.title} ${d.versionLabel}（${d.versionKey}）: ${d.sections.length}章・${items.length}項目、うち確認中（provisional）${items.filter((i) => i.provisional).length}項目`,
  );
  if (values["dry-run"]) {
    io.out("検査のみ行いました（--dry-run）。登録していません。");
    return EXIT.ok;
  }
  try {
    const result = await registerDefinition(null, raw, { publish: !values.draft });
    const outcome = {
      created: "新しく登録しました",
      updated: "下書きを更新しました",
      unchanged: "同じ内容がすでに登録されています（変更なし）",
    }[result.outcome];
    io.out(`${outcome}。状態: ${result.published ? "公開" : "下書き"}（ID ${result.versionId}）`);
    return EXIT.ok;
  } catch (error) {
    if (isAppError(error) && (error.code === "VERSION_PUBLISHED" || error.code === "INVALID_INPUT")) {
      io.err(error.message);
      return EXIT.invalid;
    }
    throw error;
  }
}

async function recountCommand(io: TIo, values: TValues, positionals: string[]): Promise<number> {
  if (positionals.length > 0) throw new UsageError(`recount はファイルを取りません（${positionals.join("、")}）。`);
  if (values.cycle && values.prefecture)
    throw new UsageError("--cycle と --prefecture はどちらか一方を指定してください。");
  const cycleId = values.cycle ? (await requireCycle(values.cycle)).id : undefined;
  const prefectureCode = values.prefecture ? requirePrefecture(values.prefecture) : undefined;
  const started = performance.now();
  const result = await recountCycles({ cycleId, prefectureCode });
  if (result.cycles === 0) {
    io.out("数え直す かかりつけ医機能報告のサイクルはありません。");
    return EXIT.ok;
  }
  io.out(
    `集計値を数え直しました: ${result.cycles}サイクル・${result.municipalities.toLocaleString("ja-JP")}市区町村、` +
      `食い違いを修正 ${result.corrected}件（${((performance.now() - started) / 1000).toFixed(1)} 秒）`,
  );
  return EXIT.ok;
}

/** The demo accounts' current second-factor code (no database: the demo secret is public). */
function demoTotpCommand(io: TIo): number {
  const now = new Date();
  const secondsLeft = 30 - (Math.floor(now.getTime() / 1000) % 30);
  io.out(
    `確認コード: ${currentTotp(DEMO_TOTP_SECRET, now)}（あと${secondsLeft}秒有効。同じコードは一度しか使えません）`,
  );
  io.out(
    `対象: ${DEMO_ACCOUNTS.filter((a) => "totp" in a)
      .map((a) => a.email)
      .join("、")}`,
  );
  io.out(`認証アプリに登録するキー: ${DEMO_TOTP_SECRET}`);
  return EXIT.ok;
}

/** Runs one command; never throws for expected problems (they become messages and an exit code). */
export async function runRenkei(argv: string[], io: TIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === "help" || command === "--help" || command === "-h") {
      io.out(HELP);
      return command ? EXIT.ok : EXIT.usage;
    }
    if (!(COMMANDS as readonly string[]).includes(command))
      throw new UsageError(`コマンド「${command}」はありません。`);
    const { values, positionals } = parse(rest);
    if (values.help) {
      io.out(HELP);
      return EXIT.ok;
    }
    switch (command as TCommand) {
      case "list-cycles":
        return await listCyclesCommand(io, values);
      case "export-submissions":
        return await exportCommand(io, values, positionals);
      case "synth":
        return await synthCommand(io, values, positionals);
      case "publish-definition":
        return await publishDefinitionCommand(io, values, positionals);
      case "recount":
        return await recountCommand(io, values, positionals);
      case "demo-totp":
        return demoTotpCommand(io);
      default:
        return await runImport(io, command as TCommand, values, positionals);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(error.message);
      io.err("使い方: npm run renkei -- help");
      return EXIT.usage;
    }
    if (isAppError(error)) {
      io.err(error.message);
      return error.code === "INVALID_INPUT" ? EXIT.invalid : EXIT.failed;
    }
    throw error;
  }
}
