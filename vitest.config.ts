import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Vitest's order (project by project, by name), except that the system tests go first: each starts
 * the product as a child process and they are the longest files of the run, so the other files
 * fill the workers beside them instead of leaving one file running alone at the end.
 */
class SystemTestsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isSystem = (file: TestSpecification) => file.project.name === 'system';
    return [...sorted.filter(isSystem), ...sorted.filter((file) => !isSystem(file))];
  }
}

export default defineConfig({
  test: {
    projects: ['shared', 'prisma', 'server', 'web', 'tests'],
    // Vitest's default is a worker fewer than the CPUs: one on CI's two cores, which leaves a core
    // idle while a test waits on PostgreSQL or on a server it started. Files never share a database.
    maxWorkers: availableParallelism() + 1,
    sequence: { sequencer: SystemTestsFirst },
  },
});
