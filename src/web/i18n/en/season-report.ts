/** The season report (issue 13 point 7): the funnel, its breakdowns and the years side by side. */
export const seasonReport = {
  title: 'Season report',
  link: 'Season report',
  back: 'Back to the selection',
  intro:
    'The funnel from the proposals registered to the Top Terpuji. A proposal that went past a step still counts at that step when it later moved on.',
  organizer: 'Organizer: {{name}}',
  provisional:
    'The final finalist list is not fixed yet: the Finalist step counts the provisional finalists (public review).',
  generated: 'Counted at {{at}}',
  download: 'Download XLSX',
  province: 'Limit to a province',
  allProvinces: 'All provinces',
  provinceHelp: 'Limit the report to one province: regions are then broken down by regency/city.',
  table: '{{name}}: table',
  tabs: { season: 'This competition', years: 'Across years' },
  funnel: {
    title: 'Participant funnel',
    step: 'Step',
    count: 'Count',
    ofPrevious: '% of previous step',
    ofRegistered: '% of registered',
    row: '{{label}}: {{count}} proposals ({{ofRegistered}} of registered, {{ofPrevious}} of the previous step).',
  },
  breakdown: {
    title: 'By {{name}}',
    choose: 'Break down by',
    legend: 'Bar length: registered; fills: passed administration and finalists.',
    row: '{{label}}: {{registered}} registered, {{passedAdmin}} passed administration, {{finalist}} finalists.',
    empty: 'No proposals yet.',
    names: {
      category: 'Category',
      group: 'Group',
      participantType: 'Participant type',
      region: 'Region',
      regionProvince: 'Province',
      regionRegency: 'Regency/city',
    },
  },
  years: {
    title: 'Year by year',
    intro:
      "{{organizer}}'s competitions by year: each step's count and its conversion from the previous step.",
    year: 'Year',
    competition: 'Competition',
    row: '{{year}}: {{count}} proposals.',
    stepTitle: '{{step}} by year',
    none: 'No other competition by this organizer yet.',
  },
};
