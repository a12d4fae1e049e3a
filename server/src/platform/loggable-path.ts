/** Paths whose last segment is a secret: a patient's report link (`/r/<token>`). */
const SECRET_PATH = /^(\/r\/)[^/?#]+/;

/**
 * What of a request's URL may be written to a log line or a trace: the path without its query
 * string (it could carry what someone typed, or a one-time link's token) and without a secret
 * segment.
 */
export function loggablePath(url: string): string {
  const path = url.split('?')[0] ?? '';
  return path.replace(SECRET_PATH, '$1[token]');
}

/** The secret part of `url`'s path, to be cut from wherever else it was copied; undefined if none. */
export function secretOfPath(url: string): string | undefined {
  const match = SECRET_PATH.exec(url.split('?')[0] ?? '');
  return match === null ? undefined : match[0].slice(match[1]?.length ?? 0);
}
