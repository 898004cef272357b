/** JSON Schema fragments shared by tenancy's request schemas. */

export const email = { type: 'string', format: 'email', maxLength: 254 } as const;
export const password = { type: 'string', minLength: 10, maxLength: 200 } as const;
export const name = { type: 'string', minLength: 1, maxLength: 120, pattern: '\\S' } as const;
export const code = { type: 'string', pattern: '^[a-z][a-z0-9-]{1,38}$' } as const;
export const currency = { type: 'string', pattern: '^[A-Z]{3}$' } as const;
export const locale = { type: 'string', pattern: '^[a-z]{2}(-[A-Z]{2})?$' } as const;
export const domain = {
  type: 'string',
  maxLength: 253,
  pattern: '^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.?$',
} as const;
export const uuid = { type: 'string', format: 'uuid' } as const;
export const roleName = { type: 'string', pattern: '^[a-z][a-z0-9-]{1,38}$' } as const;
export const permissions = {
  type: 'array',
  maxItems: 200,
  items: { type: 'string', minLength: 1, maxLength: 100 },
} as const;

/** `?q=&page=&pageSize=` of list endpoints (query values are strings). */
export const listQuery = {
  type: 'object',
  properties: {
    q: { type: 'string', maxLength: 200 },
    page: { type: 'string', pattern: '^[1-9][0-9]{0,5}$' },
    pageSize: { type: 'string', pattern: '^[1-9][0-9]{0,2}$' },
    platform: { type: 'string', maxLength: 40 },
    status: { enum: ['active', 'suspended'] },
    action: { type: 'string', maxLength: 80 },
  },
} as const;

/** An account to find by email, or to create with a name and an initial password. */
export const account = {
  email,
  name,
  password,
} as const;
