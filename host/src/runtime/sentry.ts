import type { Logger } from 'pino';
import type { HostConfig } from './config.js';

/** What the host uses of Sentry. */
export interface ErrorReporter {
  capture(error: unknown): void;
  flush(timeoutMs: number): Promise<void>;
}

interface SentryModule {
  init(options: { dsn: string; release?: string; environment?: string }): void;
  captureException(error: unknown): void;
  flush(timeoutMs: number): Promise<boolean>;
}

/**
 * Loads `@sentry/node` only when `SENTRY_DSN` is set: importing it costs ~0.7 s, which no one should pay without a
 * DSN. The package is optional; a DSN without it installed is logged and ignored rather than failing boot.
 */
export async function loadErrorReporter(
  config: Pick<HostConfig, 'sentryDsn' | 'nodeEnv'>,
  logger: Logger,
  release: string,
): Promise<ErrorReporter | undefined> {
  const dsn = config.sentryDsn;
  if (!dsn) return undefined;
  const specifier = '@sentry/node';
  let sentry: SentryModule;
  try {
    sentry = (await import(specifier)) as SentryModule;
  } catch {
    logger.warn('SENTRY_DSN is set but @sentry/node is not installed; run `npm install @sentry/node` to report errors');
    return undefined;
  }
  sentry.init({ dsn, release: `wizamart@${release}`, environment: config.nodeEnv });
  return {
    capture: (error) => sentry.captureException(error),
    flush: async (timeoutMs) => void (await sentry.flush(timeoutMs)),
  };
}
