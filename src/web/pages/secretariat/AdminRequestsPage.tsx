// Placeholder until the page is written (replaced in this session).
export function AdminRequestsPage() {
  return <h1>AdminRequestsPage</h1>;
}
