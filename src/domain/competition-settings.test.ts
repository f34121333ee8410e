import { describe, expect, it } from 'vitest';
import { parseSettings, parseSourceYears } from './competition-settings.js';

describe('stored competition settings', () => {
  const defaults = {
    allowedFileTypes: ['application/pdf', 'image/jpeg', 'image/png'],
    maxFileMb: 10,
    maxProposalMb: 50,
    maxOpenDraftsPerUnit: 15,
    maxInstitutionStorageMb: 2048,
    helpdesk: { phone: null, email: null, whatsapp: null, hours: null },
  };
  it.each([['{}'], ['not json'], ['{"maxFileMb":"12"}']])('%s reads as the defaults', (json) => {
    expect(parseSettings(json)).toEqual(defaults);
  });
  it('keeps every stored value', () => {
    const stored = {
      allowedFileTypes: ['application/pdf'],
      maxFileMb: 5,
      maxProposalMb: 20,
      maxOpenDraftsPerUnit: 3,
      maxInstitutionStorageMb: 100,
      helpdesk: { phone: '+62217398381', email: 'bantuan@demo.sinovik.id', whatsapp: null, hours: 'Senin' },
    };
    expect(parseSettings(JSON.stringify(stored))).toEqual(stored);
  });
  it.each([
    [null, null],
    ['', null],
    ['[2022,2023]', [2022, 2023]],
    ['[2022.5]', null],
    ['"2023"', null],
    ['oops', null],
  ])('source years %s → %j', (json, years) => {
    expect(parseSourceYears(json)).toEqual(years);
  });
});
