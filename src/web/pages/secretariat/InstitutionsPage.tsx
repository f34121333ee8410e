// Placeholder until the page is written (replaced in this session).
export function InstitutionsPage() {
  return <h1>InstitutionsPage</h1>;
}
