// Placeholder until the page is written (replaced in this session).
export function AdminRequestDetailPage() {
  return <h1>AdminRequestDetailPage</h1>;
}
