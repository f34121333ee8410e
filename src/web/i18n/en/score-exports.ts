/** The selection's exports (issue 12 point 9): the scores XLSX and the score sheets. */
export const scoreExports = {
  xlsx: 'Download all scores (XLSX)',
  xlsxHint:
    "One row per evaluation (each criterion's score, weight, evidence and comment) and a sheet per proposal. The file names the evaluators: for the secretariat only.",
  sheet: 'Score sheet (PDF)',
  sheetOf: 'Score sheet of {{name}} for {{code}} (PDF)',
  ownSheet: 'Download the score sheet (PDF)',
};
