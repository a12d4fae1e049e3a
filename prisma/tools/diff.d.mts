/** The SQL from `fromSchema` (or an empty database) to prisma/schema.prisma. */
export function diffSql(options?: { fromSchema?: string }): string;
