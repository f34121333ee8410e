/** Thin fetch wrapper: JSON in and out, session cookie included, errors as ApiError with id/en messages. */
export interface Text {
  id: string;
  en: string;
}

export interface FieldProblem {
  code: string;
  message: Text;
}

export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    public readonly text: Text,
    public readonly fields: Record<string, FieldProblem> = {},
    public readonly body: Record<string, unknown> = {},
  ) {
    super(text.en);
  }
}

export const NETWORK_ERROR: Text = {
  id: 'Tidak dapat terhubung ke server. Periksa koneksi Anda lalu coba lagi.',
  en: 'Cannot reach the server. Check your connection and try again.',
};

async function parse(res: Response): Promise<unknown> {
  const type = res.headers.get('content-type') ?? '';
  if (res.status === 204) return null;
  if (type.includes('application/json')) return res.json();
  return res.text();
}

/** Calls the API; throws ApiError for any non-2xx answer. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      headers:
        body !== undefined && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {},
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network_error', NETWORK_ERROR);
  }
  const data = await parse(res);
  if (!res.ok) throw apiErrorFrom(res.status, data);
  return data as T;
}

/** The ApiError of a non-2xx answer whose (JSON) body is `data`. */
export function apiErrorFrom(status: number, data: unknown): ApiError {
  const err = (data as { error?: { code: string; message: Text; fields?: Record<string, FieldProblem> } })
    ?.error;
  return new ApiError(
    status,
    err?.code ?? 'http_' + status,
    err?.message ?? { id: `Kesalahan ${status}.`, en: `Error ${status}.` },
    err?.fields ?? {},
    (err as Record<string, unknown>) ?? {},
  );
}

/**
 * Uploads a FormData with progress (fetch has no upload progress; XMLHttpRequest does).
 * Resolves with the JSON answer; rejects with ApiError (code `aborted` when `signal` aborts it).
 */
export function upload<T>(
  path: string,
  form: FormData,
  onProgress?: (fraction: number) => void,
  opts: { method?: 'POST' | 'PUT'; signal?: AbortSignal } = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(opts.method ?? 'POST', `/api${path}`);
    if (opts.signal) {
      if (opts.signal.aborted) {
        reject(new ApiError(0, 'aborted', { id: 'Unggahan dibatalkan.', en: 'Upload cancelled.' }));
        return;
      }
      opts.signal.addEventListener('abort', () => xhr.abort(), { once: true });
      xhr.onabort = () =>
        reject(new ApiError(0, 'aborted', { id: 'Unggahan dibatalkan.', en: 'Upload cancelled.' }));
    }
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', NETWORK_ERROR));
    xhr.onload = () => {
      let data: any = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else {
        const err = data?.error;
        reject(
          new ApiError(
            xhr.status,
            err?.code ?? 'http_' + xhr.status,
            err?.message ?? { id: `Kesalahan ${xhr.status}.`, en: `Error ${xhr.status}.` },
            err?.fields ?? {},
            err ?? {},
          ),
        );
      }
    };
    xhr.send(form);
  });
}
