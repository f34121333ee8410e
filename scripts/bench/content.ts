import crypto from 'node:crypto';

/*
 * What the virtual users type: Indonesian sentences about a public-service innovation, growing with every
 * autosave up to a total of 1–3 KB over the 8 umum sections (under every word limit), and the identity
 * fields filled as the draft is completed. Files are real PDFs by their header, with random content so
 * that every file has its own sha256.
 */

const SENTENCES = [
  'Petugas Dukcapil datang langsung ke desa untuk melayani perekaman KTP elektronik bagi warga lanjut usia.',
  'Sebelum inovasi ini warga harus menempuh perjalanan dua jam ke kantor kecamatan untuk mengurus dokumen.',
  'Layanan antar jemput dokumen mengurangi waktu tunggu dari empat belas hari menjadi tiga hari kerja.',
  'Aplikasi pengaduan terhubung dengan WhatsApp sehingga setiap laporan warga tercatat dan ditindaklanjuti.',
  'Puskesmas keliling menjangkau 42 desa terpencil setiap bulan dengan jadwal yang diumumkan di balai desa.',
  'Data kunjungan menunjukkan kepuasan masyarakat naik dari 71 persen menjadi 89 persen dalam setahun.',
  'Anggaran berasal dari APBD dan dana desa, dengan dukungan relawan dari karang taruna setempat.',
  'Peraturan bupati menjamin keberlanjutan program beserta alokasi anggaran setiap tahun berikutnya.',
  'Tiga kabupaten tetangga telah mereplikasi model ini setelah studi tiru pada tahun lalu.',
  'Pelatihan petugas dilakukan bertahap agar kualitas pelayanan tetap sama di setiap kecamatan.',
  'Evaluasi eksternal oleh perguruan tinggi mencatat penurunan biaya yang ditanggung warga sebesar 60 persen.',
  'Warga penyandang disabilitas mendapat prioritas jadwal dan pendampingan dari kader terlatih.',
];

/** A deterministic pseudo-random sequence per proposal, so the generator knows exactly what it sent. */
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x100000000;
  };
}

export interface Draft {
  /** Total bytes of answer text this draft reaches when complete (1–3 KB). */
  targetBytes: number;
  answers: Map<string, string>;
  title: string;
  /** The section the next sentence goes to: sentences go round the sections across autosaves, so the text
   * spreads evenly (starting every autosave at the first section made it outgrow its word limit). */
  cursor: number;
}

export function newDraft(seed: number, sectionKeys: string[], title: string): Draft {
  const r = rng(seed);
  return {
    targetBytes: 1024 + Math.floor(r() * 2048),
    answers: new Map(sectionKeys.map((k) => [k, ''])),
    title,
    cursor: 0,
  };
}

/**
 * Grows the draft to `fraction` of its target (0..1] by appending sentences across the sections; returns
 * the full autosave body (every field, every section), as the editor sends it.
 */
export function autosaveBody(
  d: Draft,
  fraction: number,
  version: number,
  seed: number,
  extra: { categoryKey: string; contactEmail: string; complete: boolean },
) {
  const r = rng(seed);
  const want = Math.min(d.targetBytes, Math.ceil(d.targetBytes * fraction));
  const keys = [...d.answers.keys()];
  let total = keys.reduce((s, k) => s + Buffer.byteLength(d.answers.get(k)!), 0);
  // Every section gets at least one sentence once the draft is complete.
  if (extra.complete)
    for (const k of keys)
      if (!d.answers.get(k)) {
        const add = SENTENCES[Math.floor(r() * SENTENCES.length)];
        d.answers.set(k, add);
        total += Buffer.byteLength(add);
      }
  while (total < want) {
    const k = keys[d.cursor++ % keys.length];
    const add = SENTENCES[Math.floor(r() * SENTENCES.length)];
    const prev = d.answers.get(k)!;
    d.answers.set(k, prev ? `${prev} ${add}` : add);
    total += Buffer.byteLength(add) + (prev ? 1 : 0);
  }
  const half = fraction >= 0.5 || extra.complete;
  return {
    version,
    title: d.title,
    acronym: half ? d.title.split(' ')[0].toUpperCase().slice(0, 12) : null,
    categoryKey: half ? extra.categoryKey : null,
    implementationStart: half ? '2022-03-01' : null,
    innovatorKind: 'team' as const,
    innovatorNames: half ? 'Tim Inovasi Pelayanan' : null,
    contactName: 'Sari Wulandari',
    contactPhone: '081234567890',
    contactEmail: extra.contactEmail,
    links: half ? [{ label: 'Video', url: 'https://video.sinovik.local/inovasi' }] : [],
    declarationAccepted: extra.complete,
    answers: keys.map((k) => ({ sectionKey: k, text: d.answers.get(k)! })),
  };
}
export type AutosaveBody = ReturnType<typeof autosaveBody>;

/** A "signed PDF": a real %PDF header and trailer around random bytes, `bytes` long in all. */
export function pdfFile(bytes: number): { data: Buffer; sha256: string } {
  const head = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1');
  const tail = Buffer.from('\n%%EOF\n', 'latin1');
  const data = Buffer.concat([
    head,
    crypto.randomBytes(Math.max(0, bytes - head.length - tail.length)),
    tail,
  ]);
  return { data, sha256: crypto.createHash('sha256').update(data).digest('hex') };
}
