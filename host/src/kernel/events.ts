import type { EventHandler } from '@wizamart/plugin-sdk';
import type { Logger } from 'pino';

/**
 * In-process domain event bus. Handlers run after the publisher's await point, concurrently; a failing handler is
 * logged and never reaches the publisher.
 */
export class EventBus {
  private readonly handlers = new Map<string, Set<EventHandler>>();

  constructor(private readonly logger: Logger) {}

  subscribe(name: string, handler: EventHandler): () => void {
    const set = this.handlers.get(name) ?? new Set();
    set.add(handler);
    this.handlers.set(name, set);
    return () => set.delete(handler);
  }

  async publish(name: string, payload: unknown): Promise<void> {
    const handlers = [...(this.handlers.get(name) ?? [])];
    const results = await Promise.allSettled(handlers.map(async (handler) => handler(payload)));
    for (const result of results) {
      if (result.status === 'rejected') this.logger.error({ err: result.reason, event: name }, 'event handler failed');
    }
  }
}
