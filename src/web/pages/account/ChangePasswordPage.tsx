// Placeholder until the page is written (replaced in this session).
export function ChangePasswordPage() {
  return <h1>ChangePasswordPage</h1>;
}
