import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { checkOpenDrafts, institutionRoom, institutionStorageFull } from './storage-limits.js';

const MIB = 1024 * 1024;

describe('storage limits', () => {
  it.each([
    [0, 15, true],
    [14, 15, true],
    [15, 15, false],
    [16, 15, false],
    [0, 1, true],
    [1, 1, false],
  ])('%i open drafts under a limit of %i: allowed %s', (open, max, allowed) => {
    if (allowed) expect(() => checkOpenDrafts(open, max)).not.toThrow();
    else {
      const err = (() => {
        try {
          checkOpenDrafts(open, max);
        } catch (e) {
          return e as AppError;
        }
      })()!;
      expect(err).toBeInstanceOf(AppError);
      expect(err.status).toBe(409);
      expect(err.code).toBe('open_drafts_limit');
      expect(err.text.id).toContain(`batas ${max}`);
      expect(err.text.en).toContain(`limit ${max}`);
    }
  });

  it.each([
    [0, 2048, 2048 * MIB],
    [2047 * MIB, 2048, MIB],
    [2048 * MIB, 2048, 0],
    [3000 * MIB, 2048, 0],
  ])('room with %i bytes used of %i MB: %i', (used, max, room) => {
    expect(institutionRoom(used, max)).toBe(room);
  });

  it('names the limit, what is used and what is left', () => {
    const err = institutionStorageFull(1.5 * MIB, 2);
    expect(err.status).toBe(409);
    expect(err.code).toBe('institution_storage_full');
    expect(err.text.id).toContain('1.5 MB dari batas 2 MB (sisa 0.5 MB)');
    expect(err.text.en).toContain('1.5 MB of the 2 MB limit (0.5 MB left)');
    expect(err.fields.file.code).toBe('institution_storage_full');
  });
});
