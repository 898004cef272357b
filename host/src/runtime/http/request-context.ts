import type { RequestTenant } from '@wizamart/plugin-sdk';

export type { RequestTenant };
