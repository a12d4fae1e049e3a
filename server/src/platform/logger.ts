import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Structured JSON logs. Only ids, codes and timings are logged; the redaction list is a second
 * line of defence should a patient field or secret ever reach a log call.
 */
export function createLogger(level: pino.LevelWithSilent, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'ldn-api' },
    redact: {
      paths: [
        'password',
        '*.password',
        'token',
        '*.token',
        'cookie',
        '*.cookie',
        'req.headers.cookie',
        // A FHIR API token (Authorization: Bearer ldn_…).
        'authorization',
        '*.authorization',
        'req.headers.authorization',
        'variables',
        '*.variables',
      ],
      censor: '[redacted]',
    },
  };
  // Standard output unless told otherwise (a test reads what the server would have logged).
  return destination === undefined ? pino(options) : pino(options, destination);
}
