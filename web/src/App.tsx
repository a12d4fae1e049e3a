/** Placeholder shell until the portal lands: says what is running and where the API is. */
export function App() {
  return (
    <main
      style={{ fontFamily: 'system-ui, sans-serif', maxWidth: '40rem', margin: '3rem auto', lineHeight: 1.5 }}
    >
      <h1>LDN trials</h1>
      <p>
        Low-dose naltrexone trials for refractory chronic pain: clinics, compounding pharmacies and the
        network administration.
      </p>
      <p>
        The portal is being built. The GraphQL API answers at <a href="/graphql">/graphql</a>.
      </p>
    </main>
  );
}
