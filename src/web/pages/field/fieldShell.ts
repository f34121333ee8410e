/*
 * The field pages' offline shell (scripts/vite/field-shell.ts builds /field-sw.js): registered from the
 * field pages only, scoped to /verifikasi-lapangan, so a reload of a field page without a connection still
 * opens the app, and no other page is ever served by it. Where the browser has no service workers, or the
 * app is not built (the dev server has no /field-sw.js), nothing happens: the pages work online as before.
 */
export const FIELD_SCOPE = '/verifikasi-lapangan';

let asked = false;
export function registerFieldShell(): void {
  if (asked || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  asked = true;
  navigator.serviceWorker.register('/field-sw.js', { scope: FIELD_SCOPE }).catch(() => undefined);
}
