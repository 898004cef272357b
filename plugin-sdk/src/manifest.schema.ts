/** The pattern every plugin code follows: lower-case, starts with a letter, 2–39 characters. */
export const PLUGIN_CODE_PATTERN = '^[a-z][a-z0-9-]{1,38}$';

/** Codes a plugin cannot take because their schema belongs to the host or to PostgreSQL (as do codes `pg-*`). */
export const RESERVED_PLUGIN_CODES: readonly string[] = ['wizamart', 'public', 'information-schema'];

const relativePath = {
  type: 'string',
  minLength: 1,
  pattern: '^\\.{1,2}/',
  format: 'package-relative-path',
} as const;

const PERMISSION_PATTERN = '^[a-z][a-z0-9-]*\\.[a-z][a-z0-9_.-]*$';
const LOCALE_KEY_PATTERN = '^[a-z][a-z0-9-]*\\.[A-Za-z0-9_.-]+$';

const permissionObject = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'name', 'description'],
  properties: {
    code: { type: 'string', pattern: PERMISSION_PATTERN },
    name: { type: 'string', pattern: LOCALE_KEY_PATTERN, description: 'Locale key of the permission name.' },
    description: { type: 'string', pattern: LOCALE_KEY_PATTERN, description: 'Locale key of its description.' },
    surface: { enum: ['store', 'admin', 'storefront'], description: 'Who holds it (default store).' },
  },
} as const;

const dependencyMap = {
  type: 'object',
  propertyNames: { pattern: PLUGIN_CODE_PATTERN },
  additionalProperties: { type: 'string', format: 'semver-range' },
} as const;

/**
 * JSON Schema (draft 2020-12 subset understood by ajv) of the `wizamart-plugin` key in a plugin's package.json.
 * The host validates every manifest against it before importing any code; {@link validateManifest} applies it.
 */
export const manifestSchema = {
  $id: 'https://wizamart.dev/schemas/plugin-manifest.json',
  title: 'Wizamart plugin manifest',
  type: 'object',
  additionalProperties: false,
  required: ['code', 'name', 'tier', 'host', 'entry'],
  properties: {
    code: {
      type: 'string',
      pattern: PLUGIN_CODE_PATTERN,
      // The code names a Postgres schema (`-` as `_`): the host's own and PostgreSQL's are taken.
      not: { anyOf: [{ enum: RESERVED_PLUGIN_CODES }, { pattern: '^pg-' }] },
      description: 'Unique code; names the schema, routes and jobs.',
    },
    name: { type: 'string', minLength: 1, maxLength: 80 },
    description: { type: 'string', maxLength: 500 },
    tier: { enum: ['core', 'optional', 'internal'] },
    host: { type: 'string', format: 'semver-range', description: 'Range of @wizamart/host versions it works with.' },
    requires: dependencyMap,
    optionalRequires: dependencyMap,
    entry: relativePath,
    migrations: relativePath,
    views: relativePath,
    static: relativePath,
    locales: relativePath,
    permissions: {
      type: 'array',
      uniqueItems: true,
      // Plain strings are the 0.1 form, accepted until SDK 0.3 (the validator warns, WZV028).
      items: { oneOf: [{ type: 'string', pattern: PERMISSION_PATTERN }, permissionObject] },
    },
    features: { type: 'array', uniqueItems: true, items: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' } },
    config: { type: 'object', description: 'JSON Schema of the plugin configuration (type object).' },
  },
} as const;
