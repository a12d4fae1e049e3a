import type { LoaderSource } from '../access/loaders.ts';

/** The names of people by id, batched per request: who prescribed, assessed, classified, moved an order. */
export const userNames = (ctx: LoaderSource) =>
  ctx.loaders.one<{ id: string; name: string }>(
    'user.name',
    (prisma, ids) => prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
    (user) => user.id,
  );

/** The name of the person with `id`, or '' for an id that names nobody. */
export async function userNameOf(ctx: LoaderSource, id: string): Promise<string> {
  return (await userNames(ctx).load(id))?.name ?? '';
}
