// Placeholder until the page is written (replaced in this session).
export function ForgotPasswordPage() {
  return <h1>ForgotPasswordPage</h1>;
}
