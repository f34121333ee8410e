/** Moves focus to the first field with a problem, so keyboard and screen-reader users land on it. */
export function focusFirstError(
  form: { getInputNode: (path: never) => HTMLElement | null },
  errors: Record<string, unknown>,
): void {
  const first = Object.keys(errors).find((k) => errors[k]);
  if (!first) return;
  const node = (form.getInputNode as (path: string) => HTMLElement | null)(first);
  node?.focus();
}
