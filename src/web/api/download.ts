import { ApiError, apiErrorFrom, NETWORK_ERROR } from './client.js';

/*
 * Files the server makes (proposal PDFs, dashboard spreadsheets, the audit CSV) are fetched, not followed
 * as plain links: a refusal (429 export_busy with Retry-After, 403, 404, 500) then comes back as an
 * ApiError the page can show, instead of landing in the browser's downloads as a JSON file.
 */

export interface DownloadedFile {
  name: string;
  blob: Blob;
}

/** The file name a Content-Disposition header gives (RFC 6266: filename* first, then filename). */
export function fileNameFrom(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim().replace(/^"|"$/g, ''));
    } catch {
      // a broken encoding: fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/.exec(header);
  const name = (plain?.[1] ?? plain?.[2] ?? '').trim();
  return name || fallback;
}

/** GETs `url` (same origin, with the session cookie); throws ApiError for any non-2xx answer. */
export async function fetchFile(url: string, fallbackName: string): Promise<DownloadedFile> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network_error', NETWORK_ERROR);
  }
  if (!res.ok) {
    const type = res.headers.get('content-type') ?? '';
    const data: unknown = type.includes('application/json') ? await res.json().catch(() => null) : null;
    const err = apiErrorFrom(res.status, data);
    // The Retry-After header when the body carries no retry time of its own (e.g. the general rate limit).
    const header = Number(res.headers.get('retry-after'));
    if (typeof err.body.retryAfter !== 'number' && Number.isFinite(header) && header > 0)
      throw new ApiError(err.status, err.code, err.text, err.fields, { ...err.body, retryAfter: header });
    throw err;
  }
  let blob: Blob;
  try {
    blob = await res.blob();
  } catch {
    throw new ApiError(0, 'network_error', NETWORK_ERROR);
  }
  return { name: fileNameFrom(res.headers.get('content-disposition'), fallbackName), blob };
}

/** Hands a fetched file to the browser's downloads: object URL, a temporary link, then the URL revoked. */
export function saveFile(file: DownloadedFile): void {
  const href = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = file.name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked on a later turn: some browsers start reading the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
