import type { Platform, PlatformDirectory } from '@wizamart/plugin-sdk';
import type { Actor } from '../model.js';
import type { AuditService } from './audit.service.js';

/** Platforms belong to the host; the admin console edits them through the host service, audited here. */
export class PlatformService {
  constructor(
    private readonly platforms: () => PlatformDirectory,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<Platform[]> {
    return this.platforms().list();
  }

  async get(code: string): Promise<Platform | undefined> {
    return this.platforms().get(code);
  }

  async create(actor: Actor, input: { code: string; name: string; domain?: string | null }): Promise<Platform> {
    const platform = await this.platforms().create(input);
    await this.audit.record(actor, 'platform.created', platform.code, { details: { domain: platform.domain } });
    return platform;
  }

  async update(actor: Actor, code: string, patch: { name?: string; domain?: string | null }): Promise<Platform> {
    const platform = await this.platforms().update(code, patch);
    await this.audit.record(actor, 'platform.updated', code, { details: patch });
    return platform;
  }
}
