// Placeholder until the page is written (replaced in this session).
export function AdminRequestFormPage() {
  return <h1>AdminRequestFormPage</h1>;
}
