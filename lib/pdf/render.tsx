// Renders a document request to PDF bytes. Pure with respect to the app (no database, no request
// context): the worker threads call this (lib/pdf/worker.mjs), and so do tests and benchmarks.
import { Document, Font, renderToBuffer } from "@react-pdf/renderer";
import { FONT_FAMILY, registerFonts } from "./fonts";
import { LaidOutPage, type TFrame } from "./components/page";
import { paginate, type TBlock } from "./layout/blocks";
import { TextMeasurer, type TFontFace } from "./layout/measure";
import type { TOrientation } from "./theme";
import type { TDocumentRequest } from "./props";
import { buildZonePacket } from "./documents/zone-packet";
import { buildPrefectureSummary } from "./documents/prefecture-summary";
import { buildClinicNotice } from "./documents/clinic-notice";
import { buildSubmissionCopy } from "./documents/submission-copy";
import { buildMailLetters } from "./documents/mail-letters";
import { buildCouncilRecord } from "./documents/council-record";
import { BarChart } from "./components/bar-chart";

let measurerPromise: Promise<TextMeasurer> | null = null;

/**
 * The measurer over the very font objects react-pdf's font store loads, so measuring, react-pdf's
 * own text and our drawn text all use one embedded font per weight.
 */
export function getMeasurer(): Promise<TextMeasurer> {
  registerFonts();
  measurerPromise ??= (async () => {
    const load = async (fontWeight: 400 | 700) => {
      const source = Font.getFont({ fontFamily: FONT_FAMILY, fontWeight });
      await source.load();
      if (!source.data) throw new Error("PDF 用のフォントを読み込めませんでした。");
      return source.data as unknown as TFontFace;
    };
    const [regular, bold] = await Promise.all([load(400), load(700)]);
    return new TextMeasurer({ regular, bold });
  })();
  return measurerPromise;
}

type TBuilt = { frame: TFrame; blocks: TBlock[]; title: string; subject: string; orientation?: TOrientation };

function build(request: TDocumentRequest, measurer: TextMeasurer): TBuilt {
  switch (request.kind) {
    case "zonePacket":
      return buildZonePacket(request.input, measurer);
    case "prefectureSummary":
      return buildPrefectureSummary(request.input, measurer);
    case "clinicNotice":
      return buildClinicNotice(request.input, measurer);
    case "submissionCopy":
      return buildSubmissionCopy(request.input, measurer);
    case "mailLetters":
      return buildMailLetters(request.input, measurer);
    case "councilRecord":
      return buildCouncilRecord(request.input, measurer);
  }
}

export type TRenderResult = { bytes: Uint8Array; pages: number };

export async function renderDocument(request: TDocumentRequest): Promise<TRenderResult> {
  const measurer = await getMeasurer();
  const built = build(request, measurer);
  const pages = paginate(built.blocks, { measurer, orientation: built.orientation });
  // The 院内掲示 is a poster for patients: no running header (its demo mark is in the content).
  const chromeless = request.kind === "clinicNotice";
  const buffer = await renderToBuffer(
    <Document
      title={built.title}
      subject={built.subject}
      author="Renkei"
      creator="Renkei"
      producer="Renkei"
      language="ja-JP"
    >
      {pages.map((page, i) => (
        <LaidOutPage
          key={i}
          page={chromeless ? { ...page, chrome: false } : page}
          frame={built.frame}
          pageNumber={i + 1}
          totalPages={pages.length}
          measurer={measurer}
        />
      ))}
    </Document>,
  );
  // An exact-size copy when the Buffer is a view into a larger one: a worker thread's result is
  // structured-cloned, which copies a view's whole underlying ArrayBuffer.
  const exact = buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength;
  return {
    bytes: exact ? new Uint8Array(buffer.buffer) : Uint8Array.prototype.slice.call(buffer),
    pages: pages.length,
  };
}

/**
 * Loads the fonts and renders a small document a few times, so a fresh worker thread serves its
 * first real request at full speed (the first renders of a process are 2–3× slower: font parsing,
 * glyph caches, JIT).
 */
export async function warmUp(): Promise<void> {
  const measurer = await getMeasurer();
  const blocks: TBlock[] = [
    { kind: "heading", level: 1, text: "準備（ウォームアップ）" },
    {
      kind: "text",
      text: "かかりつけ医機能報告・在宅医療連携拠点の自己評価。１号機能、２号機能（イ）（ロ）（ハ）（ニ）。0123456789%",
    },
    {
      kind: "table",
      table: {
        columns: [
          { header: "医療機関", width: 2 },
          { header: "有り", width: 1, align: "right" },
        ],
        rows: Array.from({ length: 60 }, (_, i) => ({ cells: [`医療機関${i}`, `${i}（${i}.0%）`] })),
      },
    },
    {
      kind: "chart",
      height: 160,
      render: (width, height) => (
        <BarChart
          width={width}
          height={height}
          categories={["1号", "イ 時間外", "ロ 入退院"]}
          series={[{ key: "a", label: "圏域（n=10）", color: "#0f766e", values: [0.5, 0.25, null] }]}
          unit="share"
          measurer={measurer}
        />
      ),
    },
  ];
  const frame: TFrame = { title: "warm-up", owner: "", footnote: "", isDemo: true };
  for (let i = 0; i < 3; i++) {
    const pages = paginate(blocks, { measurer });
    await renderToBuffer(
      <Document>
        {pages.map((page, k) => (
          <LaidOutPage
            key={k}
            page={page}
            frame={frame}
            pageNumber={k + 1}
            totalPages={pages.length}
            measurer={measurer}
          />
        ))}
      </Document>,
    );
  }
}
