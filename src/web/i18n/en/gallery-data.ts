/** The gallery's statistics and open data pages (issue 14 point 6): /galeri/statistik and /galeri/data. */
export const galleryData = {
  links: { stats: 'Gallery statistics', data: 'Open data (CSV, JSON)' },
  backToGallery: 'Back to the innovation gallery',
  stats: {
    title: 'Innovation gallery statistics',
    intro:
      'The number of innovations in the gallery by year, category, province, type of institution and award. The filters below apply to every chart.',
    total_one: '{{count}} innovation matches the filters',
    total_other: '{{count}} innovations match the filters',
    charts: {
      years: 'By year',
      categories: 'By category',
      provinces: 'By province',
      participantTypes: 'By type of institution',
      awards: 'By award',
    },
    chartLabel: '{{title}}: bar chart. Largest value {{top}} ({{count}} innovations). A data table is below.',
    empty: 'No innovation for this chart yet.',
    withoutCategory: 'Without a category: {{count}} innovations.',
    withoutProvince: 'National institutions (no province): {{count}} innovations.',
    awardsNote: 'An innovation may count under more than one award; every finalist is in the Top 99.',
    showTable: 'Show the data table',
    tableLabel: 'Data table: {{title}}',
    column: { label: 'Value', count: 'Innovations', share: 'Share', open: 'In the gallery' },
    openInGallery: 'See {{count}} innovations',
    replication: {
      title: 'Replication',
      intro:
        'Replications recorded in the gallery: replication requests the owner of the innovation accepted, and replikasi innovations in the gallery naming their source. These numbers are for the whole gallery; the filters above do not apply.',
      total_one: '{{count}} replication recorded',
      total_other: '{{count}} replications recorded',
      none: 'No replication is recorded in the gallery yet.',
      charts: {
        innovations: 'The 10 most replicated innovations',
        institutions: 'By owner institution (top 10)',
        provinces: 'By province of the replicating institution',
      },
      empty: 'No replication for this chart yet.',
      withoutProvince: 'By national institutions (no province): {{count}} replications.',
      chartLabel:
        '{{title}}: bar chart. Largest value {{top}} ({{count}} replications). A data table is below.',
      column: { count: 'Replications' },
      openColumn: 'Innovation page',
      openInnovation: 'Open {{title}}',
    },
  },
  data: {
    title: 'Open data of the innovation gallery',
    intro:
      'Every public field of the gallery can be downloaded and reused: one row per innovation, with the stable address of its page and of its API. Only innovations shown in the gallery (finalists of published results, or consented by their institution) are in these files.',
    filtersHint: 'The filters apply to both files (leave them empty to download everything).',
    downloadCsv: 'Download CSV',
    downloadJson: 'Download JSON',
    csvNote:
      'CSV: UTF-8 with BOM (opens directly in Excel), a header row, comma-separated, double quotes as in RFC 4180. A cell starting with = + - @ gets a leading single quote so it never runs as a formula.',
    jsonNote:
      'JSON: an object { generatedAt, items: [...] }; each item is the answer of GET /api/public/gallery/:slug plus url and api.',
    fieldsTitle: 'Fields',
    fieldsTable: 'Table of the fields',
    column: { field: 'Field', type: 'Type', meaning: 'Meaning', example: 'Example' },
    docsNote: 'The full description is in docs/open-data.md; the API can be tried at /api/docs.',
  },
};
