// Placeholder until the page is written (replaced in this session).
export function HomePage() {
  return <h1>HomePage</h1>;
}
