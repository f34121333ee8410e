/** Who may take part in a competition (secretariat settings). */
export const participation = {
  title: 'Participants',
  intro:
    'Who may take part in this competition. Other institutions are not offered it and can neither start nor forward a proposal in it.',
  allTypes: 'Every institution type',
  types: 'Institution types that may take part',
  regions: 'Regions (area codes)',
  regionsHint:
    'Leave empty for the whole of Indonesia. A province code (e.g. 36 for Banten) covers all its regencies/cities; a regency/city code is written like 36.03. Press Enter after each code.',
  save: 'Save participants',
  saved: 'Participant rule saved.',
  saveFailed: 'The participant rule was not saved',
};
