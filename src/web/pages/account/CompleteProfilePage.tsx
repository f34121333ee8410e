// Placeholder until the page is written (replaced in this session).
export function CompleteProfilePage() {
  return <h1>CompleteProfilePage</h1>;
}
