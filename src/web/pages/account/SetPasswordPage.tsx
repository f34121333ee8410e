// Placeholder until the page is written (replaced in this session).
export function SetPasswordPage() {
  return <h1>SetPasswordPage</h1>;
}
