/** The selection's exports (issue 12 point 9): the scores XLSX and the score sheets. */
export const scoreExports = {
  xlsx: 'Unduh semua nilai (XLSX)',
  xlsxHint:
    'Satu baris per penilaian (nilai, bobot, bukti dan komentar setiap kriteria) dan satu lembar per proposal. Berkas ini menyebut nama penilai: hanya untuk sekretariat.',
  sheet: 'Lembar nilai (PDF)',
  sheetOf: 'Lembar nilai {{name}} untuk {{code}} (PDF)',
  ownSheet: 'Unduh lembar nilai (PDF)',
};
