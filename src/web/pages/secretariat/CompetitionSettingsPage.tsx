// Placeholder until the page is written (replaced in this session).
export function CompetitionSettingsPage() {
  return <h1>CompetitionSettingsPage</h1>;
}
