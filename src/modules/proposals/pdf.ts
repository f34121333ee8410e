import PDFDocument from 'pdfkit';
import type { Text } from '../../domain/errors.js';
import { STATE_LABELS } from '../../domain/proposal-workflow.js';
import { formatInstant } from '../../domain/time.js';
import { toWinAnsi } from '../../domain/winansi.js';
import { parseLinks } from './snapshot.js';
import type { ProposalView } from './view.js';

/*
 * The printable proposal: identity, state and key instants (hour and zone), every section with its word
 * count, and the evidence with sizes and sha256, Indonesian first and English second, numbered pages.
 * Standard Helvetica only (no system font is needed): every string goes through toWinAnsi.
 */

const INK = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#bbbbbb';
const LABEL_WIDTH = 165;

const KIND_LABELS: Record<string, Text> = {
  evidence: { id: 'Bukti dukung', en: 'Evidence' },
  replication_statement: { id: 'Surat pernyataan replikasi', en: 'Replication statement' },
};

const INNOVATOR_LABELS: Record<string, Text> = {
  person: { id: 'Perorangan', en: 'Individual' },
  team: { id: 'Tim', en: 'Team' },
};

/** "1.234.567 B (1,2 MB)": the exact size, and a rounded one people read. */
export function formatSize(bytes: number): string {
  const exact = `${new Intl.NumberFormat('id-ID').format(bytes)} B`;
  if (bytes < 1024) return exact;
  const units = ['KB', 'MB', 'GB'];
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${exact} (${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }).format(v)} ${units[u]})`;
}

const dateBoth = (ymd: string) => {
  const d = new Date(`${ymd}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return ymd;
  const f = (locale: string) =>
    new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(d);
  return `${f('id-ID')} / ${f('en-GB')}`;
};

const instantBoth = (iso: string | null, tz: string) =>
  iso ? `${formatInstant(iso, tz, 'id')} / ${formatInstant(iso, tz, 'en')}` : '—';

/** The proposal as a PDF (A4), rendered in memory: a proposal is a few pages. */
export async function renderProposalPdf(
  view: ProposalView,
  opts: { now: Date; compress?: boolean },
): Promise<Buffer> {
  const p = view.proposal;
  const c = view.competition;
  const tz = c.time_zone;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 64, left: 56, right: 56 },
    bufferPages: true,
    compress: opts.compress ?? true,
    lang: 'id-ID',
    info: {
      Title: `${p.code} ${p.title}`,
      Subject: `${c.name} ${c.year}`,
      Creator: 'Sinovik',
      Producer: 'Sinovik',
      CreationDate: opts.now,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const w = (s: string | null | undefined) => toWinAnsi(s ?? '');
  const ensure = (h: number) => {
    if (doc.y + h > bottom()) doc.addPage();
  };

  /** "Identitas / Identity": Indonesian in ink, English after it in grey. */
  const heading = (label: Text, size = 13) => {
    ensure(size * 3);
    doc.moveDown(0.6);
    doc.font('Helvetica-Bold').fontSize(size).fillColor(INK).text(w(label.id), left, doc.y, {
      continued: true,
    });
    doc
      .font('Helvetica')
      .fillColor(MUTED)
      .text(w(` / ${label.en}`));
    const y = doc.y + 2;
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.y = y + 6;
  };

  /** A label (both languages) beside its value, kept together on one page. */
  const row = (label: Text, value: string, valueFont = 'Helvetica') => {
    const labelText = `${w(label.id)}\n${w(label.en)}`;
    const valueText = w(value) || '—';
    doc.fontSize(9);
    const hl = doc.font('Helvetica-Bold').heightOfString(labelText, { width: LABEL_WIDTH - 8 });
    const hv = doc
      .font(valueFont)
      .fontSize(10)
      .heightOfString(valueText, { width: width - LABEL_WIDTH });
    const h = Math.max(hl, hv);
    if (h < bottom() - doc.page.margins.top) ensure(h + 4);
    const y = doc.y;
    doc
      .font('Helvetica-Bold')
      .fontSize(9)
      .fillColor(INK)
      .text(w(label.id), left, y, { width: LABEL_WIDTH - 8 });
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(MUTED)
      .text(w(label.en), { width: LABEL_WIDTH - 8 });
    const afterLabel = doc.y;
    const valuePage = doc.page;
    doc
      .font(valueFont)
      .fontSize(10)
      .fillColor(INK)
      .text(valueText, left + LABEL_WIDTH, y, {
        width: width - LABEL_WIDTH,
      });
    // A value longer than a page ends on a later page; the label stayed on the first.
    doc.y = doc.page === valuePage ? Math.max(afterLabel, doc.y) + 5 : doc.y + 5;
    doc.x = left;
  };

  // Title block.
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor(MUTED)
    .text(w(`SINOVIK · ${c.name}`), left, doc.y);
  doc.moveDown(0.3);
  doc.font('Helvetica-Bold').fontSize(17).fillColor(INK).text(w(p.title), { width });
  doc.moveDown(0.2);
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor(MUTED)
    .text(w(`${p.code} · ${STATE_LABELS[p.state].id} / ${STATE_LABELS[p.state].en}`), { width });

  heading({ id: 'Identitas proposal', en: 'Proposal identity' });
  const category = view.categories.find((x) => x.id === p.category_id);
  const innovator = p.innovator_kind ? INNOVATOR_LABELS[p.innovator_kind] : null;
  const links = parseLinks(p.links);
  row({ id: 'Kode proposal', en: 'Proposal ID' }, p.code);
  row({ id: 'Judul inovasi', en: 'Title' }, p.title);
  row({ id: 'Akronim', en: 'Acronym' }, p.acronym ?? '');
  row({ id: 'Kompetisi', en: 'Competition' }, `${c.name} (${c.code} ${c.year})`);
  row({ id: 'Kelompok', en: 'Group' }, `${view.group.name_id} / ${view.group.name_en}`);
  row(
    { id: 'Kategori', en: 'Category' },
    category ? `${category.name_id} / ${category.name_en}` : 'Belum dipilih / Not chosen',
  );
  row({ id: 'Instansi', en: 'Institution' }, view.institution.name);
  row({ id: 'Unit pelayanan', en: 'Service unit' }, view.unit.name);
  row(
    { id: 'Mulai diterapkan', en: 'Implemented since' },
    p.implementation_start ? dateBoth(p.implementation_start) : '',
  );
  row(
    { id: 'Inovator', en: 'Innovator' },
    [innovator ? `${innovator.id} / ${innovator.en}` : '', p.innovator_names ?? '']
      .filter(Boolean)
      .join('\n'),
  );
  row(
    { id: 'Narahubung', en: 'Contact' },
    [p.contact_name, p.contact_phone, p.contact_email].filter(Boolean).join('\n'),
  );
  row({ id: 'Tautan', en: 'Links' }, links.map((l) => `${l.label}: ${l.url}`).join('\n'));

  heading({ id: 'Status dan waktu', en: 'State and key instants' });
  row({ id: 'Status', en: 'State' }, `${STATE_LABELS[p.state].id} / ${STATE_LABELS[p.state].en}`);
  row({ id: 'Dibuat', en: 'Started' }, instantBoth(p.created_at, tz));
  row({ id: 'Dikirim ke Admin Lokal', en: 'Sent to the local admin' }, instantBoth(p.sent_at, tz));
  row(
    { id: 'Diteruskan ke penyelenggara', en: 'Forwarded to the organizer' },
    instantBoth(p.forwarded_at, tz),
  );
  row({ id: 'Diterima penyelenggara', en: 'Received by the organizer' }, instantBoth(p.received_at, tz));
  row({ id: 'Batas pengajuan', en: 'Submission closes' }, instantBoth(view.submission?.closesAt ?? null, tz));

  heading({ id: 'Isian proposal', en: 'Proposal sections' });
  const answers = new Map(view.answers.map((a) => [a.sectionKey, a]));
  view.group.sections.forEach((s, i) => {
    const a = answers.get(s.key);
    const count = a?.wordCount ?? 0;
    const over = s.word_limit !== null && count > s.word_limit;
    ensure(60);
    doc.moveDown(0.4);
    doc
      .font('Helvetica-Bold')
      .fontSize(11)
      .fillColor(INK)
      .text(w(`${i + 1}. ${s.label_id}`), left, doc.y, { width, continued: true });
    doc
      .font('Helvetica')
      .fillColor(MUTED)
      .text(w(` / ${s.label_en}`));
    const limit = s.word_limit !== null ? ` / ${s.word_limit}` : '';
    doc
      .font(over ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(8)
      .fillColor(MUTED)
      .text(
        w(
          `Jumlah kata / Words: ${count}${limit}` +
            (s.word_limit === null ? ' (tanpa batas / no limit)' : '') +
            (over ? ' — melebihi batas / over the limit' : ''),
        ),
        { width },
      );
    doc.moveDown(0.2);
    if (a?.text.trim())
      doc
        .font('Helvetica')
        .fontSize(10)
        .fillColor(INK)
        .text(w(a.text), { width, align: 'left', lineGap: 1.5 });
    else
      doc
        .font('Helvetica-Oblique')
        .fontSize(10)
        .fillColor(MUTED)
        .text('(belum diisi / not filled in)', { width });
  });

  heading({ id: 'Bukti dukung', en: 'Evidence' });
  if (!view.attachments.length)
    doc
      .font('Helvetica-Oblique')
      .fontSize(10)
      .fillColor(MUTED)
      .text('Belum ada lampiran. / No attachments yet.', left, doc.y, { width });
  const sectionLabel = new Map(view.group.sections.map((s) => [s.key, `${s.label_id} / ${s.label_en}`]));
  view.attachments.forEach((f, i) => {
    ensure(52);
    const kind = KIND_LABELS[f.kind] ?? { id: f.kind, en: f.kind };
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .fillColor(INK)
      .text(w(`${i + 1}. ${f.name}`), left, doc.y, { width });
    const facts = [
      `${kind.id} / ${kind.en}`,
      f.mime,
      formatSize(f.size),
      f.sectionKey ? `Bagian / Section: ${sectionLabel.get(f.sectionKey) ?? f.sectionKey}` : '',
    ].filter(Boolean);
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor(MUTED)
      .text(w(facts.join(' · ')), { width });
    doc
      .font('Courier')
      .fontSize(8)
      .fillColor(INK)
      .text(`SHA-256: ${w(f.sha256)}`, { width });
    doc.moveDown(0.5);
  });

  // Page numbers and the proposal's code on every page, printed into the bottom margin.
  const printed = `${formatInstant(opts.now, tz, 'id')} / ${formatInstant(opts.now, tz, 'en')}`;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const keep = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 40;
    doc
      .moveTo(left, y - 6)
      .lineTo(left + width, y - 6)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(MUTED)
      .text(w(`${p.code} · Dicetak / Printed ${printed}`), left, y, { width: width - 130, lineBreak: false });
    doc.text(
      `Halaman ${i + 1} dari ${range.count} / Page ${i + 1} of ${range.count}`,
      left + width - 130,
      y,
      {
        width: 130,
        align: 'right',
        lineBreak: false,
      },
    );
    doc.page.margins.bottom = keep;
  }
  doc.end();
  return done;
}
