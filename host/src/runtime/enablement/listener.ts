import pg from 'pg';
import type { Logger } from 'pino';
import { ENABLEMENT_CHANNEL } from './service.js';

/**
 * Keeps one connection LISTENing for enablement changes made by other hosts on the same server and calls
 * `onChange` for each; reconnects with backoff when the connection drops (and refreshes then, as changes may have been
 * missed). Not used on the embedded database, where this is the only host.
 */
export function listenForEnablement(
  url: string,
  onChange: (platform: string) => Promise<void>,
  logger: Logger,
): { stop(): Promise<void> } {
  let client: pg.Client | undefined;
  let stopped = false;
  let retryMs = 500;
  let timer: NodeJS.Timeout | undefined;
  const connect = async () => {
    if (stopped) return;
    const next = new pg.Client({ connectionString: url });
    next.on(
      'notification',
      (message) =>
        void onChange(message.payload ?? '').catch((error) =>
          logger.error({ err: error }, 'enablement refresh failed'),
        ),
    );
    next.on('error', (error) => {
      logger.warn({ err: error }, 'enablement listener lost its connection; reconnecting');
      schedule();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${ENABLEMENT_CHANNEL}`);
      client = next;
      retryMs = 500;
      await onChange('');
    } catch (error) {
      await next.end().catch(() => {});
      logger.warn({ err: error }, 'enablement listener cannot connect; retrying');
      schedule();
    }
  };
  const schedule = () => {
    if (stopped || timer) return;
    const old = client;
    client = undefined;
    void old?.end().catch(() => {});
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, retryMs);
    retryMs = Math.min(retryMs * 2, 10_000);
  };
  void connect();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await client?.end().catch(() => {});
    },
  };
}
