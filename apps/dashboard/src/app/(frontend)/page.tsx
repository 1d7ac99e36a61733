/** The public home page; the map dashboards come next. */
export default function HomePage() {
  return (
    <main>
      <h1>LegoCity</h1>
      <p>
        City data dashboards. Staff sign in at <a href="/admin">/admin</a>.
      </p>
    </main>
  );
}
