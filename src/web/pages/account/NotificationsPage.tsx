// Placeholder until the page is written (replaced in this session).
export function NotificationsPage() {
  return <h1>NotificationsPage</h1>;
}
