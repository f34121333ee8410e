// Placeholder until the page is written (replaced in this session).
export function CompetitionPublicPage() {
  return <h1>CompetitionPublicPage</h1>;
}
