import { DEMO_PASSWORD, seedDemo } from '@ldn/db/demo';
import type { Resource } from '@medplum/fhirtypes';
import { startTestServer, type TestServer } from '../test/harness.ts';

/** The real app on a fresh database holding the demo network (two clinics, two pharmacies, 38 patients). */
export async function startDemoServer(): Promise<TestServer> {
  const server = await startTestServer();
  await seedDemo(server.db.prisma);
  return server;
}

/** Signs a demo person in and returns the Cookie header value. */
export async function signInDemo(server: TestServer, email: string): Promise<string> {
  const response = await server.graphql(
    'mutation SignIn($input: SignInInput!) { signIn(input: $input) { id } }',
    { input: { email, password: DEMO_PASSWORD } },
  );
  const cookie = response.setCookie.find((c) => c.startsWith('ldn_session='));
  if (cookie === undefined) throw new Error(`sign-in failed: ${JSON.stringify(response.errors)}`);
  return cookie.split(';')[0] ?? '';
}

export interface FhirResponse<R extends Resource = Resource> {
  status: number;
  contentType: string | null;
  body: R;
}

/** GETs a path of the FHIR API (`Patient/…`), as the session of `cookie` when given. */
export async function fhirGet<R extends Resource = Resource>(
  server: TestServer,
  path: string,
  cookie?: string,
): Promise<FhirResponse<R>> {
  const response = await fetch(`${server.url}/fhir/R4/${path}`, {
    headers: cookie === undefined ? {} : { cookie },
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    body: (await response.json()) as R,
  };
}
