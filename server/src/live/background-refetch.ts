import type { Request } from 'express';

/**
 * The header the portal sends on a refetch that a live change started, not the person
 * (web/src/lib/live.ts). Such a request is not activity: it does not keep the session from idling
 * out, so a screen left open in a busy clinic still signs itself out.
 */
export const BACKGROUND_REFETCH_HEADER = 'x-ldn-background';

export const isBackgroundRefetch = (req: Request) => req.get(BACKGROUND_REFETCH_HEADER) === 'live';
