import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { assertEvidenceRequested } from './completion-evidence.js';

const scope = (...keys: string[]) => ({ evidence: new Set(keys) });
const refusal = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return e instanceof AppError
      ? { status: e.status, code: e.code, fields: Object.keys(e.fields ?? {}) }
      : e;
  }
  return null;
};

describe('assertEvidenceRequested: which files a completion opens', () => {
  it.each<[string, string[], { sectionKey: string | null; replacingSectionKey?: string | null }, boolean]>([
    ['a named section', ['kebaruan'], { sectionKey: 'kebaruan' }, true],
    ['another section', ['kebaruan'], { sectionKey: 'ringkasan' }, false],
    ['no section, not named', ['kebaruan'], { sectionKey: null }, false],
    ['no section, evidence:* named', ['*'], { sectionKey: null }, true],
    ['a section when only * is named', ['*'], { sectionKey: 'kebaruan' }, false],
    [
      'replacing within the named section',
      ['kebaruan'],
      { sectionKey: 'kebaruan', replacingSectionKey: 'kebaruan' },
      true,
    ],
    [
      'replacing a file of another section',
      ['kebaruan'],
      { sectionKey: 'kebaruan', replacingSectionKey: 'ringkasan' },
      false,
    ],
    [
      'moving a named file out to an unnamed section',
      ['kebaruan'],
      { sectionKey: 'ringkasan', replacingSectionKey: 'kebaruan' },
      false,
    ],
    [
      'moving between two named sections',
      ['kebaruan', 'ringkasan'],
      { sectionKey: 'ringkasan', replacingSectionKey: 'kebaruan' },
      true,
    ],
  ])('%s', (_name, keys, upload, allowed) => {
    const r = refusal(() => assertEvidenceRequested(scope(...keys), upload));
    if (allowed) expect(r).toBeNull();
    else expect(r).toEqual({ status: 403, code: 'not_requested', fields: ['sectionKey'] });
  });
});
