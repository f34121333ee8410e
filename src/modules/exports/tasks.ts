import type { MessagePort } from 'node:worker_threads';
import { xlsxStream } from '../dashboard/export.js';
import { renderAnnouncementPdf, type AnnouncementPdfInput } from '../announcements/pdf.js';
import { renderCertificatePdf, type CertificatePdfInput } from '../certificates/pdf.js';
import { renderProposalPdf } from '../proposals/pdf.js';
import type { ProposalView } from '../proposals/view.js';
import { selectFinalists } from '../../domain/shortlist/select.js';
import type { FinalistsInput } from '../../domain/shortlist/types.js';
import { proposalRows, type ProposalSheetInput } from '../score-exports/scores-xlsx.js';
import { renderScoreSheetPdf, type ScoreSheetInput } from '../score-exports/sheet-pdf.js';
import { renderLetterPdf, type LetterPdfInput } from '../presentation/letter-pdf.js';
import { workbookStream, type SheetBatch, type SheetSpec } from './workbook.js';

/*
 * What a thread of the export pool does (loaded by worker.mjs; never imported by the main thread except
 * for its types). It gets plain data the route read from the database and gives back the file's bytes.
 */

export type ExportTask =
  | { kind: 'pdf'; view: ProposalView; now: Date }
  /** A published announcement's letter (issue 12): thousands of rows make it seconds of pdfkit. */
  | { kind: 'announcementPdf'; input: AnnouncementPdfInput }
  /**
   * The finalists' exact selection (issue 12 point 7): HiGHS is synchronous CPU work (a cold solve ~1.2 s
   * while the WebAssembly compiles, then 0.25–0.7 s at 30,000 candidates). The answer comes back as JSON bytes.
   */
  | { kind: 'finalists'; input: FinalistsInput }
  /** One evaluation's score sheet (issue 12 point 9). */
  | { kind: 'scoreSheetPdf'; input: ScoreSheetInput }
  /** One certificate (piagam, issue 13 point 5), with its QR code. */
  | { kind: 'certificatePdf'; input: CertificatePdfInput }
  /** A finalist's invitation to the presentation and interview (issue 13 point 2). */
  | { kind: 'presentationLetterPdf'; input: LetterPdfInput }
  /** The rows come in batches over `port` while the route reads them; the file goes back over it. */
  | { kind: 'xlsx'; port: MessagePort; lang: 'id' | 'en'; sheetName: string }
  /** The same with sheets of given columns (the selection's scores); each batch names its sheet. */
  | { kind: 'workbook'; port: MessagePort; sheets: SheetSpec[] };

/**
 * A batch the main thread sends for a sheet: rows as read, or data whose rows the thread computes
 * (`proposalRows`: the selection's results per proposal, CPU work kept off the event loop).
 */
export type OutgoingBatch =
  | { sheet: number; rows: (string | number)[][] }
  | { sheet: number; compute: { kind: 'proposalRows'; input: ProposalSheetInput } };

/** Main thread → worker on a spreadsheet task's port. */
export type ToWorker = OutgoingBatch | { end: true } | { cancel: true };
/**
 * Worker → main thread: `more` each time it takes a batch of rows (the reader sends the next one only
 * then), the file in pieces, then `done` (also after a cancel).
 */
export type FromWorker = { more: true } | { chunk: Uint8Array } | { done: true };

export async function runExportTask(task: ExportTask): Promise<Uint8Array | null> {
  if (task.kind === 'pdf') return renderProposalPdf(task.view, { now: task.now });
  if (task.kind === 'announcementPdf') return renderAnnouncementPdf(task.input);
  if (task.kind === 'finalists')
    return new TextEncoder().encode(JSON.stringify(await selectFinalists(task.input)));
  if (task.kind === 'scoreSheetPdf') return renderScoreSheetPdf(task.input);
  if (task.kind === 'certificatePdf') return renderCertificatePdf(task.input);
  if (task.kind === 'presentationLetterPdf') return renderLetterPdf(task.input);
  if (task.kind === 'workbook') {
    const sheets = task.sheets;
    await writeSpreadsheet(task.port, (batches) => workbookStream(sheets, batches));
  } else {
    const { lang, sheetName } = task;
    await writeSpreadsheet(task.port, (batches) =>
      xlsxStream(
        (async function* () {
          for await (const b of batches) yield b.rows;
        })(),
        lang,
        sheetName,
      ),
    );
  }
  return null;
}

async function writeSpreadsheet(
  port: MessagePort,
  write: (batches: AsyncIterable<SheetBatch>) => AsyncIterable<unknown>,
): Promise<void> {
  const inbox: ToWorker[] = [];
  let wake: (() => void) | null = null;
  let cancelled = false;
  port.on('message', (m: ToWorker) => {
    if ('cancel' in m) cancelled = true;
    inbox.push(m);
    wake?.();
  });
  async function* batches() {
    for (;;) {
      while (!inbox.length) await new Promise<void>((r) => (wake = r));
      wake = null;
      const m = inbox.shift()!;
      if ('end' in m || 'cancel' in m) return;
      port.postMessage({ more: true } satisfies FromWorker);
      if ('compute' in m) yield { sheet: m.sheet, rows: proposalRows(m.compute.input) };
      else yield { sheet: m.sheet, rows: m.rows };
    }
  }
  try {
    for await (const chunk of write(batches())) {
      if (cancelled) break;
      // A copy of its own, so that only these bytes move to the main thread (no shared pool buffer).
      const bytes = new Uint8Array(chunk as Buffer);
      port.postMessage({ chunk: bytes } satisfies FromWorker, [bytes.buffer]);
    }
  } finally {
    port.postMessage({ done: true } satisfies FromWorker);
    port.removeAllListeners('message');
  }
}
