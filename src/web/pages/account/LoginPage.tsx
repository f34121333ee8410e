// Placeholder until the page is written (replaced in this session).
export function LoginPage() {
  return <h1>LoginPage</h1>;
}
