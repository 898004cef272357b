import { PLATFORM_PACKAGES, type NewPluginOptions } from './options.js';

/** Tool versions a new plugin builds and tests with (those the SDK itself is tested with). */
const TOOLING = {
  typescript: '5.9.3',
  mocha: '^11.8.0',
  chai: '^5.3.2',
  supertest: '^7.1.4',
  '@types/chai': '^5.2.3',
  '@types/mocha': '^10.0.10',
  '@types/node': '^20.19.0',
  '@types/supertest': '^6.0.3',
  '@types/express': '^5.0.3',
};

/** "gift-cards" → "Gift Cards". */
export function displayName(code: string): string {
  return code
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/** The package.json of a new plugin: its manifest, its scripts and how it depends on the platform packages. */
export function createPackageJson(options: NewPluginOptions, sdkVersion: string): Record<string, unknown> {
  const range = `^${sdkVersion}`;
  const description = `${displayName(options.code)}: notes per platform, made with wizamart-plugin new.`;
  return {
    name: options.packageName,
    version: '0.1.0',
    description,
    license: 'UNLICENSED',
    type: 'module',
    main: './dist/src/index.js',
    types: './dist/src/index.d.ts',
    exports: {
      '.': { types: './dist/src/index.d.ts', default: './dist/src/index.js' },
      './package.json': './package.json',
    },
    files: ['dist/src', 'dist/migrations', '!dist/**/*.test.*', 'views', 'locales', 'README.md'],
    engines: { node: '>=20.12' },
    keywords: ['wizamart', 'wizamart-plugin'],
    scripts: {
      build: 'tsc -p tsconfig.json',
      test: "npm run build && mocha --timeout 120000 --exit 'dist/**/*.test.js'",
      prepack: 'npm run build',
    },
    'wizamart-plugin': {
      code: options.code,
      name: displayName(options.code),
      description,
      tier: options.tier,
      host: range,
      entry: './dist/src/plugin.js',
      migrations: './dist/migrations',
      views: './views',
      locales: './locales',
      requires: { core: range, tenancy: range },
      permissions: ['view', 'manage'].map((action) => permissionEntry(options.code, action)),
    },
    peerDependencies: {
      [PLATFORM_PACKAGES.sdk]: range,
      [PLATFORM_PACKAGES.core]: range,
      [PLATFORM_PACKAGES.tenancy]: range,
    },
    devDependencies: {
      [PLATFORM_PACKAGES.host]: options.specs.host,
      [PLATFORM_PACKAGES.sdk]: options.specs.sdk,
      [PLATFORM_PACKAGES.core]: options.specs.core,
      [PLATFORM_PACKAGES.tenancy]: options.specs.tenancy,
      [PLATFORM_PACKAGES.auth]: options.specs.auth,
      ...TOOLING,
    },
  };
}

/** A manifest permission of the generated plugin: admin surface, name and description from its locale files. */
function permissionEntry(code: string, action: string): Record<string, string> {
  const key = `${code}.permissions.${action}`;
  return { code: `${code}.${action}`, name: `${key}.name`, description: `${key}.description`, surface: 'admin' };
}
