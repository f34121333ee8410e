// Placeholder until the page is written (replaced in this session).
export function OutboxPage() {
  return <h1>OutboxPage</h1>;
}
