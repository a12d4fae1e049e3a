import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aNetwork, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { portalDocument } from '../test/portal-documents.ts';
import { aPatientReadyToStart, aTrialRow, OPERATIONS, startInput } from '../trials/trial.builders.ts';
import type { ExecutedBy } from './compiled-execution.ts';

// Operations over HTTP run compiled (graphql-jit); graphql-js's answer is the reference. Two servers
// on one database, one compiling and one not, must answer every request alike, byte for byte.

const WORKLIST = portalDocument('worklist/api/worklist.ts');
const TRIAL_PAGE = portalDocument('trials/api/trial.ts');

describe('compiled execution', () => {
  const clock = fixedClock('2026-03-16T09:00:00Z');
  const executed: ExecutedBy[] = [];
  let compiled: TestServer;
  let reference: TestServer;
  let cookie: string;
  let trialIds: string[];
  let patientId: string;

  beforeAll(async () => {
    compiled = await startTestServer({ clock, execution: { onExecuted: (by) => executed.push(by) } });
    reference = await startTestServer({ clock, db: compiled.db, execution: { compile: false } });
    const cast = await aNetwork(compiled.db.prisma);
    cookie = await signIn(compiled, cast.clinician);
    const prisma = compiled.db.prisma;
    const patient = await aPatientReadyToStart(prisma, cast.clinic.id, cast.clinician.id);
    const trials = await Promise.all([
      aTrialRow(prisma, patient, cast.clinician.id, { doseChanges: [['2026-03-15', 3]] }),
      aTrialRow(prisma, patient, cast.clinician.id, { startDate: '2026-02-01', state: 'ON_HOLD' }),
      aTrialRow(prisma, patient, cast.clinician.id, { startDate: '2026-01-01' }),
    ]);
    trialIds = trials.map((trial) => trial.id);
    patientId = patient.id;
  });
  afterAll(async () => {
    await reference?.close();
    await compiled?.close();
  });

  /**
   * The same request of both servers: status and body, the compiled one's first. An operation is
   * compiled the second time it comes (compiled-execution.ts), so the compiling server is asked
   * twice and its second answer is the compiled one; `executed` holds how that one ran.
   */
  const bothAnswer = async (query: string, variables?: Record<string, unknown>) => {
    const ask = async (server: TestServer) => {
      const { setCookie: _setCookie, ...answer } = await server.graphql(query, variables, { cookie });
      return answer;
    };
    await ask(compiled);
    executed.length = 0;
    return { compiledAnswer: await ask(compiled), referenceAnswer: await ask(reference) };
  };

  it("answers the portal's worklist compiled, as graphql-js does", async () => {
    const { compiledAnswer, referenceAnswer } = await bothAnswer(WORKLIST);
    expect(executed).toEqual(['compiled']);
    expect(compiledAnswer.errors).toBeUndefined();
    expect((compiledAnswer.data as { worklist: unknown[] }).worklist.length).toBeGreaterThan(0);
    expect(compiledAnswer).toEqual(referenceAnswer);
  });

  it("answers the portal's trial page compiled, as graphql-js does", async () => {
    for (const id of trialIds) {
      const { compiledAnswer, referenceAnswer } = await bothAnswer(TRIAL_PAGE, { id });
      expect(executed).toEqual(['compiled']);
      expect(compiledAnswer.data).toMatchObject({ trial: { id } });
      expect(compiledAnswer).toEqual(referenceAnswer);
    }
  });

  it("keeps an error's code and path, and propagates its null as graphql-js does", async () => {
    const { compiledAnswer, referenceAnswer } = await bothAnswer(
      'query ($id: ID!) { worklist { code } trial(id: $id) { id } }',
      { id: '00000000-0000-0000-0000-000000000000' },
    );
    expect(executed).toEqual(['compiled']);
    // trial is non-null: the whole of data is null, the worklist answered for nothing.
    expect(compiledAnswer).toMatchObject({
      data: null,
      errors: [{ path: ['trial'], extensions: { code: 'NOT_FOUND' } }],
    });
    expect(compiledAnswer).toEqual(referenceAnswer);
  });

  it('refuses a variable it cannot coerce as graphql-js does (BAD_USER_INPUT, the field, HTTP 400)', async () => {
    const { compiledAnswer, referenceAnswer } = await bothAnswer(OPERATIONS.trial, {
      id: trialIds[0],
      asOf: '2026-02-30',
    });
    expect(compiledAnswer).toMatchObject({
      status: 400,
      errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'asOf' } }],
    });
    expect(compiledAnswer).toEqual(referenceAnswer);
  });

  it("fills in an input field's default that the request leaves out, as graphql-js does", async () => {
    // firstDoseMg: Float! = 1.5, which graphql-jit's own coercion refuses when left out.
    const input = startInput();
    expect(input).not.toHaveProperty('firstDoseMg');
    const { compiledAnswer, referenceAnswer } = await bothAnswer(OPERATIONS.startCheck, { patientId, input });
    expect(executed).toEqual(['compiled']);
    expect(compiledAnswer.errors).toBeUndefined();
    expect(compiledAnswer).toEqual(referenceAnswer);
  });

  it('answers a mutation compiled, and a sign-in refused alike', async () => {
    const signInAgain = 'mutation ($input: SignInInput!) { signIn(input: $input) { id } }';
    const { compiledAnswer, referenceAnswer } = await bothAnswer(signInAgain, {
      input: { email: 'nobody@x.test', password: 'wrong' },
    });
    expect(executed).toEqual(['compiled']);
    expect(compiledAnswer.errors?.[0]?.extensions?.code).toBeDefined();
    expect(compiledAnswer).toEqual(referenceAnswer);
  });

  it('runs an operation by graphql-js the first time it comes, and compiled from the second', async () => {
    const once = `query Once { trial(id: "${'00000000-0000-4000-8000-000000000001'}") { id } }`;
    executed.length = 0;
    await compiled.graphql(once, undefined, { cookie });
    await compiled.graphql(once, undefined, { cookie });
    await compiled.graphql(once, undefined, { cookie });
    expect(executed).toEqual(['graphql-js', 'compiled', 'compiled']);
  });
});
