// Placeholder until the page is written (replaced in this session).
export function CompetitionsAdminPage() {
  return <h1>CompetitionsAdminPage</h1>;
}
