// Placeholder until the page is written (replaced in this session).
export function AuditPage() {
  return <h1>AuditPage</h1>;
}
