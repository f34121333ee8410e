import { AppError, t } from './errors.js';
import type { CompletionScope } from './admin-check.js';

/*
 * Evidence in a completion (issue 12 point 1): a completion request naming `evidence:<section>` (or
 * `evidence:*`, the files tied to no section) opens THOSE files to the admin lokal: add one to that
 * section, or replace one of its files. Any other section is refused with 403 `not_requested` on
 * `sectionKey`, as the text fields a request does not name are refused (admin-check.ts assertOnlyRequested).
 */

/** The scope's key of a file's section: its key, or '*' for a file tied to no section. */
const keyOf = (sectionKey: string | null) => sectionKey || '*';

const notRequested = (sectionKey: string | null) =>
  new AppError(
    403,
    'not_requested',
    t(
      'Hanya bukti yang diminta penyelenggara yang dapat diunggah atau diganti.',
      'Only the evidence the organizer requested can be uploaded or replaced.',
    ),
    {
      sectionKey: {
        code: 'not_requested',
        message: sectionKey
          ? t(
              `Bukti bagian "${sectionKey}" tidak diminta untuk dilengkapi.`,
              `The evidence of section "${sectionKey}" was not requested.`,
            )
          : t(
              'Bukti umum (tanpa bagian) tidak diminta untuk dilengkapi.',
              'General evidence (tied to no section) was not requested.',
            ),
      },
    },
  );

/**
 * A file may come in for `sectionKey` (null: tied to no section) only if the request names that section's
 * evidence. A replacement names both the section the file is in now and, when it moves, the one it goes to.
 */
export function assertEvidenceRequested(
  scope: Pick<CompletionScope, 'evidence'>,
  upload: { sectionKey: string | null; replacingSectionKey?: string | null },
): void {
  if (upload.replacingSectionKey !== undefined && !scope.evidence.has(keyOf(upload.replacingSectionKey)))
    throw notRequested(upload.replacingSectionKey);
  if (!scope.evidence.has(keyOf(upload.sectionKey))) throw notRequested(upload.sectionKey);
}
