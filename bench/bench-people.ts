import type { PrismaClient } from '../prisma/src/index.ts';
import { hashPassword } from '../server/src/auth/password.ts';
import { PASSWORD } from './submissions.ts';

// Who the page benchmarks act as, on a generated network (generate.ts, generate-care.ts): a
// clinic's clinician, the pharmacy's pharmacist, the network's administrator, and clinicians of
// other clinics who sign in with PASSWORD. Made once and found again on a kept database.

/** How many people sign in at once at most: one account each, as the throttle counts per account. */
export const SIGN_IN_ACCOUNTS = 16;

export interface BenchPeople {
  clinicianId: string;
  pharmacistId: string;
  networkAdminId: string;
  /** Clinicians of clinics other than the timed one, each with PASSWORD. */
  signInEmails: string[];
}

/** The bench's person `email` of the network's only organisation of `kind`, made on first use; its id. */
async function benchPerson(
  prisma: PrismaClient,
  kind: 'PHARMACY' | 'NETWORK',
  email: string,
  role: 'PHARMACIST' | 'ADMIN',
): Promise<string> {
  const organisation = await prisma.organisation.findFirstOrThrow({ where: { kind } });
  const person = await prisma.user.upsert({
    where: { email },
    create: { email, name: `Bench ${role.toLowerCase()}`, role, organisationId: organisation.id },
    update: {},
  });
  return person.id;
}

/** The people of the bench in the clinic `clinicId`'s network, made on first use. */
export async function benchPeople(prisma: PrismaClient, clinicId: string): Promise<BenchPeople> {
  const clinician = await prisma.user.findFirstOrThrow({
    where: { organisationId: clinicId, role: 'CLINICIAN' },
    orderBy: { email: 'asc' },
  });
  const others = await prisma.user.findMany({
    where: { role: 'CLINICIAN', organisationId: { not: clinicId } },
    orderBy: { email: 'asc' },
    take: SIGN_IN_ACCOUNTS,
  });
  await prisma.user.updateMany({
    where: { id: { in: others.map((person) => person.id) } },
    data: { passwordHash: await hashPassword(PASSWORD) },
  });
  return {
    clinicianId: clinician.id,
    pharmacistId: await benchPerson(prisma, 'PHARMACY', 'pharmacist@bench.test', 'PHARMACIST'),
    networkAdminId: await networkAdministrator(prisma),
    signInEmails: others.map((person) => person.email),
  };
}

/** The network's administrator, who reads the continuation report. */
export const networkAdministrator = (prisma: PrismaClient): Promise<string> =>
  benchPerson(prisma, 'NETWORK', 'network-admin@bench.test', 'ADMIN');
