// Placeholder until the page is written (replaced in this session).
export function UnitsPage() {
  return <h1>UnitsPage</h1>;
}
