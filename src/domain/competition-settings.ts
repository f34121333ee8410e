import {
  DEFAULT_MAX_INSTITUTION_STORAGE_MB,
  DEFAULT_MAX_OPEN_DRAFTS_PER_UNIT,
} from '../contracts/storage-defaults.js';
import { DEFAULT_ALLOWED_FILE_TYPES, type CompetitionSettings } from './competition-template.js';
import { parseHelpdesk } from './helpdesk-contact.js';

/*
 * The stored forms of a competition's settings (JSON text in `competitions.settings`) and of a group's
 * source years (`competition_groups.source_years`), read back. Unreadable or missing values take the
 * defaults, so an older row keeps working.
 */

/** A competition's stored settings, each missing or unreadable value replaced by its default. */
export function parseSettings(json: string): CompetitionSettings {
  let raw: Partial<CompetitionSettings> = {};
  try {
    raw = JSON.parse(json) as Partial<CompetitionSettings>;
  } catch {
    raw = {};
  }
  return {
    allowedFileTypes: Array.isArray(raw.allowedFileTypes)
      ? raw.allowedFileTypes
      : [...DEFAULT_ALLOWED_FILE_TYPES],
    maxFileMb: typeof raw.maxFileMb === 'number' ? raw.maxFileMb : 10,
    maxProposalMb: typeof raw.maxProposalMb === 'number' ? raw.maxProposalMb : 50,
    maxOpenDraftsPerUnit:
      typeof raw.maxOpenDraftsPerUnit === 'number'
        ? raw.maxOpenDraftsPerUnit
        : DEFAULT_MAX_OPEN_DRAFTS_PER_UNIT,
    maxInstitutionStorageMb:
      typeof raw.maxInstitutionStorageMb === 'number'
        ? raw.maxInstitutionStorageMb
        : DEFAULT_MAX_INSTITUTION_STORAGE_MB,
    helpdesk: parseHelpdesk(raw.helpdesk),
  };
}

/** A group's stored source years (JSON text): the list, or null for any year (also for unreadable text). */
export function parseSourceYears(json: string | null): number[] | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) && v.every((y) => Number.isInteger(y)) ? (v as number[]) : null;
  } catch {
    return null;
  }
}
