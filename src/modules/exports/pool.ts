import { Readable } from 'node:stream';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import Piscina from 'piscina';
import { admitExport, exportBusy } from '../../domain/export-admission.js';
import type { AnnouncementPdfInput } from '../announcements/pdf.js';
import type { CertificatePdfInput } from '../certificates/pdf.js';
import type { ProposalView } from '../proposals/view.js';
import type { FinalistsInput, FinalistsResult } from '../../domain/shortlist/types.js';
import type { ScoreSheetInput } from '../score-exports/sheet-pdf.js';
import type { LetterPdfInput } from '../presentation/letter-pdf.js';
import type { ExportTask, FromWorker, OutgoingBatch, ToWorker } from './tasks.js';
import type { SheetSpec } from './workbook.js';

/*
 * PDFs and spreadsheets are made in a pool of worker threads (piscina), not on the event loop: pdfkit and
 * exceljs are synchronous CPU work, and a few large exports on the event loop kept every other request
 * waiting for seconds. The route reads the data in the main thread, as before; the pool gets plain data
 * and gives back the bytes. Each export holds a place from admission until its file is written: at most
 * `perUser` per user, `threads + queue` in all; beyond that the answer is 429 `export_busy` with a retry
 * time (domain/export-admission.ts). The places are counted per process.
 */

export interface ExportPoolOptions {
  threads: number;
  queue: number;
  perUser: number;
}

type Row = (string | number)[];

/** Batches of rows a spreadsheet's reader sends before its thread asks for more. */
export const XLSX_AHEAD = 2;

export class ExportPool {
  private readonly pool: Piscina<ExportTask, Uint8Array | null>;
  private readonly byUser = new Map<number, number>();
  private total = 0;
  /** A moving average of how long one export takes, for the Retry-After of a refusal. */
  private typicalMs = 2000;

  constructor(private readonly opts: ExportPoolOptions) {
    this.pool = new Piscina({
      filename: new URL('./worker.mjs', import.meta.url).href,
      // Threads start when the first export comes, and leave after a quiet minute.
      minThreads: 0,
      maxThreads: opts.threads,
      idleTimeout: 60_000,
      // Not the parent's flags (tsx's loader, Vitest's): worker.mjs registers tsx itself.
      execArgv: [],
    });
  }

  /** Exports of this user running or waiting. */
  activeFor(userId: number): number {
    return this.byUser.get(userId) ?? 0;
  }

  /** Exports running or waiting, of everyone. */
  active(): number {
    return this.total;
  }

  /** The proposal as a PDF, made in the pool; 429 export_busy when the user or the pool is full. */
  async pdf(userId: number, view: ProposalView, now: Date): Promise<Buffer> {
    const release = this.admit(userId);
    const started = performance.now();
    try {
      const bytes = (await this.pool.run({ kind: 'pdf', view, now }))!;
      this.measured(started);
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } finally {
      release();
    }
  }

  /**
   * A published announcement's letter as a PDF, made in the pool (public: `userId` 0 stands for the
   * anonymous readers; the route renders each announcement once per process).
   */
  async announcementPdf(userId: number, input: AnnouncementPdfInput): Promise<Buffer> {
    const release = this.admit(userId);
    const started = performance.now();
    try {
      const bytes = (await this.pool.run({ kind: 'announcementPdf', input }))!;
      this.measured(started);
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } finally {
      release();
    }
  }

  /** One evaluation's score sheet as a PDF (issue 12 point 9), made in the pool; 429 export_busy when full. */
  async scoreSheetPdf(userId: number, input: ScoreSheetInput): Promise<Buffer> {
    const release = this.admit(userId);
    const started = performance.now();
    try {
      const bytes = (await this.pool.run({ kind: 'scoreSheetPdf', input }))!;
      this.measured(started);
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } finally {
      release();
    }
  }

  /** A finalist's invitation letter (issue 13 point 2) as a PDF, made in the pool; 429 export_busy when full. */
  async presentationLetterPdf(userId: number, input: LetterPdfInput): Promise<Buffer> {
    const release = this.admit(userId);
    const started = performance.now();
    try {
      const bytes = (await this.pool.run({ kind: 'presentationLetterPdf', input }))!;
      this.measured(started);
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } finally {
      release();
    }
  }

  /**
   * A certificate as a PDF (issue 13 point 5), made in the pool. Background work of the installation, not
   * a person's download: it takes no place of the admission (whoever makes certificates runs at most one
   * per thread at a time, modules/certificates/render.ts, so a person's export waits for one certificate
   * at most, and the event loop only reads and stores).
   */
  async certificatePdf(input: CertificatePdfInput): Promise<Buffer> {
    const started = performance.now();
    const bytes = (await this.pool.run({ kind: 'certificatePdf', input }))!;
    this.measured(started);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** How many threads the pool runs at most (the certificates' renderer runs that many at once). */
  get threads(): number {
    return this.opts.threads;
  }

  /**
   * The finalists' selection (domain/shortlist `selectFinalists`) solved in a thread of the pool, never on
   * the event loop; admitted like an export (429 export_busy when the user or the pool is full).
   */
  async finalists(userId: number, input: FinalistsInput): Promise<FinalistsResult> {
    const release = this.admit(userId);
    try {
      const bytes = (await this.pool.run({ kind: 'finalists', input }))!;
      return JSON.parse(new TextDecoder().decode(bytes)) as FinalistsResult;
    } finally {
      release();
    }
  }

  /**
   * A spreadsheet written in the pool as the batches come (read by the caller from the database), streamed
   * back as it is written. Admission is decided before this returns (429 export_busy is thrown). The
   * batches are read as the thread takes them: at most `XLSX_AHEAD` wait for it, so an
   * export queued behind others reads almost nothing until a thread starts on it, and the event loop reads
   * for one spreadsheet at a time per thread, at the pace it is written, instead of for every admitted one
   * at once (which held everyone's requests back while a dozen exports started together).
   */
  xlsx(userId: number, batches: AsyncIterable<Row[]>, lang: 'id' | 'en', sheetName: string): Readable {
    return this.spreadsheet(
      userId,
      (port) => ({ kind: 'xlsx', port, lang, sheetName }),
      (async function* () {
        for await (const rows of batches) yield { sheet: 0, rows };
      })(),
    );
  }

  /**
   * A workbook of several sheets whose columns are given (the selection's scores, issue 12 point 9), made
   * like `xlsx`: the batches name their sheet and come in sheet order; a batch may carry data whose rows
   * the thread computes (`compute`), so that CPU work stays off the event loop too.
   */
  workbook(userId: number, sheets: SheetSpec[], batches: AsyncIterable<OutgoingBatch>): Readable {
    return this.spreadsheet(userId, (port) => ({ kind: 'workbook', port, sheets }), batches);
  }

  private spreadsheet(
    userId: number,
    task: (port: MessagePort) => ExportTask,
    batches: AsyncIterable<OutgoingBatch>,
  ): Readable {
    const release = this.admit(userId);
    const started = performance.now();
    const { port1, port2 } = new MessageChannel();
    const send = (m: ToWorker) => port1.postMessage(m);
    let stop = false;
    // Batches the reader may still send before the thread asks for more.
    let credit = XLSX_AHEAD;
    let granted: (() => void) | null = null;
    const grant = () => {
      const g = granted;
      granted = null;
      g?.();
    };
    const out = new Readable({ read() {} });
    out.on('close', () => {
      // The reader went away before the end: the worker stops, the database is not read further.
      if (!out.readableEnded && !stop) {
        stop = true;
        send({ cancel: true });
        grant();
      }
    });
    port1.on('message', (m: FromWorker) => {
      if ('more' in m) {
        credit++;
        grant();
      } else if ('chunk' in m) out.push(Buffer.from(m.chunk.buffer, m.chunk.byteOffset, m.chunk.byteLength));
      else {
        port1.close();
        if (!stop) out.push(null);
      }
    });
    const fail = (err: unknown) => {
      if (!stop) {
        stop = true;
        send({ cancel: true });
      }
      grant();
      out.destroy(err as Error);
      port1.close();
    };
    this.pool
      .run(task(port2), { transferList: [port2] })
      .then(() => this.measured(started), fail)
      .finally(release);
    void (async () => {
      const rows = batches[Symbol.asyncIterator]();
      try {
        for (;;) {
          while (credit === 0 && !stop) await new Promise<void>((resolve) => (granted = resolve));
          if (stop) return;
          const next = await rows.next();
          if (next.done) break;
          if (stop) return;
          credit--;
          send(next.value);
        }
        send({ end: true });
      } finally {
        if (stop) await rows.return?.();
      }
    })().catch(fail);
    return out;
  }

  /**
   * Resolves on a later turn of the event loop, one caller per turn: exports reading the database in
   * batches take turns, so that however many run at once, each turn of the event loop does at most one
   * batch (SQLite answers synchronously) and other requests get in between.
   */
  turn(): Promise<void> {
    return new Promise((resolve) => {
      this.turns.push(resolve);
      if (this.turns.length === 1) setImmediate(this.nextTurn);
    });
  }

  private readonly turns: (() => void)[] = [];
  private readonly nextTurn = () => {
    this.turns.shift()?.();
    if (this.turns.length) setImmediate(this.nextTurn);
  };

  /** Waits for the exports under way, then ends the threads (app close). */
  async close(): Promise<void> {
    await this.pool.close();
  }

  /** Takes a place for the user or throws 429 export_busy; the returned function gives it back (once). */
  private admit(userId: number): () => void {
    const verdict = admitExport({
      userActive: this.activeFor(userId),
      active: this.total,
      threads: this.opts.threads,
      queue: this.opts.queue,
      perUser: this.opts.perUser,
      typicalMs: this.typicalMs,
    });
    if (!verdict.ok) throw exportBusy(verdict, this.opts.perUser);
    this.byUser.set(userId, this.activeFor(userId) + 1);
    this.total++;
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.total--;
      const n = this.activeFor(userId) - 1;
      if (n > 0) this.byUser.set(userId, n);
      else this.byUser.delete(userId);
    };
  }

  private measured(started: number) {
    this.typicalMs = 0.8 * this.typicalMs + 0.2 * (performance.now() - started);
  }
}
