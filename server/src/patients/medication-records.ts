import type { Prisma, PrismaClient } from '@ldn/db';
import type { ClassifiedMedication } from '@ldn/rules';

type Client = PrismaClient | Prisma.TransactionClient;

/** Records entered in error stay visible but count nowhere (workflows.md): every rule reads through this. */
export const COUNTED = { enteredInErrorAt: null } as const;

/** The patient's active medications (not stopped, not entered in error) as the opioid rules read them. */
export async function activeMedicationEntries(
  client: Client,
  patientId: string,
): Promise<ClassifiedMedication[]> {
  const rows = await client.medication.findMany({
    where: { patientId, stoppedOn: null, ...COUNTED },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { drug: true, isOpioid: true },
  });
  return rows;
}

/** The prior therapies eligibility reads: not entered in error, in the order recorded. */
export const countedPriorTherapies = <Row extends { enteredInErrorAt: Date | null }>(
  rows: readonly Row[],
): Row[] => rows.filter((row) => row.enteredInErrorAt === null);
