/** Severity of a finding: only `error` makes `wizamart-plugin validate` exit 1. */
export type Severity = 'error' | 'warn' | 'info';

/** Ids of the validator's rules; docs/validator.md is the catalogue. */
export type RuleId =
  | 'WZV001'
  | 'WZV002'
  | 'WZV003'
  | 'WZV004'
  | 'WZV005'
  | 'WZV006'
  | 'WZV007'
  | 'WZV008'
  | 'WZV009'
  | 'WZV010'
  | 'WZV011'
  | 'WZV012'
  | 'WZV013'
  | 'WZV014'
  | 'WZV015'
  | 'WZV016'
  | 'WZV017'
  | 'WZV018'
  | 'WZV019'
  | 'WZV020'
  | 'WZV021'
  | 'WZV022'
  | 'WZV023'
  | 'WZV024'
  | 'WZV025'
  | 'WZV026'
  | 'WZV027'
  | 'WZV028'
  | 'WZV029'
  | 'WZV030'
  | 'WZV031';

/** A rule of the catalogue: its severity, a one-line summary and how to fix what it finds. */
export interface Rule {
  severity: Severity;
  summary: string;
  hint: string;
}

/** The rule catalogue. Severity and hint belong to the rule, so every finding of one rule reads the same. */
export const RULES: Readonly<Record<RuleId, Rule>> = {
  WZV001: {
    severity: 'error',
    summary: 'package.json exists, is JSON and has a "wizamart-plugin" key',
    hint: 'Run the validator on the plugin package folder; add a "wizamart-plugin" manifest to its package.json.',
  },
  WZV002: {
    severity: 'error',
    summary: 'the manifest is valid against the SDK manifest schema',
    hint: 'Fix the manifest field named in the message; the schema is manifestSchema in @wizamart/plugin-sdk.',
  },
  WZV003: {
    severity: 'error',
    summary: 'the manifest entry file exists',
    hint: 'Build the package (npx tsc -b) or point "entry" at the compiled module, e.g. "./dist/src/plugin.js".',
  },
  WZV004: {
    severity: 'error',
    summary: 'the entry imports and default-exports a plugin definition',
    hint: 'Default-export definePlugin({ register(ctx) { … } }) from the entry module; start/stop, if present, must be functions.',
  },
  WZV005: {
    severity: 'error',
    summary: 'the package main / exports "." file exists',
    hint: 'Build the package or fix "main"/"exports" so other plugins can import its public index.',
  },
  WZV006: {
    severity: 'error',
    summary: 'every required plugin is a peerDependency with a compatible range',
    hint: 'Add the required plugin\'s package to "peerDependencies" with a range that intersects the "requires" range.',
  },
  WZV007: {
    severity: 'warn',
    summary: 'every optionally required plugin is an optional peerDependency',
    hint: 'Add the package to "peerDependencies" and mark it { "optional": true } in "peerDependenciesMeta".',
  },
  WZV008: {
    severity: 'warn',
    summary: 'every plugin peerDependency is declared in requires or optionalRequires',
    hint: 'Declare the plugin in the manifest\'s "requires" (or "optionalRequires"), or drop the peer dependency.',
  },
  WZV009: {
    severity: 'warn',
    summary: 'the SDK, the host and other plugins are not bundled as dependencies',
    hint: 'Move the package from "dependencies" to "peerDependencies" (and devDependencies); a second copy breaks error and token identity.',
  },
  WZV010: {
    severity: 'error',
    summary: 'migration files are named <code>_<seq>_<description> with unique sequence numbers',
    hint: 'Rename the file to <code>_<seq>_<description>.ts (e.g. orders_001_create_orders.ts); point "migrations" at the compiled folder.',
  },
  WZV011: {
    severity: 'error',
    summary: 'each compiled migration exports functions up and down',
    hint: 'Export async functions up(knex) and down(knex) (named, or both on the default export).',
  },
  WZV012: {
    severity: 'error',
    summary: 'migration sources have compiled counterparts in the manifest folder',
    hint: 'Build the migrations (include migrations/ in tsconfig) so the manifest "migrations" folder holds every one.',
  },
  WZV013: {
    severity: 'error',
    summary: 'a locale file exists and parses for each of en, de, fr, lb',
    hint: 'Add <locales>/<lang>.json for every language (en, de, fr, lb) as a JSON object.',
  },
  WZV014: {
    severity: 'error',
    summary: 'every locale key exists in all four languages',
    hint: 'Add the missing key to the named language file (same nesting as in the others).',
  },
  WZV015: {
    severity: 'warn',
    summary: 'locale messages are non-empty strings with the same {placeholders} in every language',
    hint: 'Use a non-empty string and the same {name} placeholders as the English message.',
  },
  WZV016: {
    severity: 'error',
    summary: 'partials are referenced under a plugin code and own partials exist',
    hint: "Reference partials as {{> <code>/<name>}}; the plugin's own come from <views>/partials/<name>.hbs.",
  },
  WZV017: {
    severity: 'warn',
    summary: 'partials of another plugin come from a plugin this one requires',
    hint: 'Add the plugin that owns the partial to "requires" (directly or through a required plugin).',
  },
  WZV018: {
    severity: 'error',
    summary: 'rendered views are namespaced under the plugin code and exist',
    hint: 'Render "<code>/<view>" for a file <views>/<view>.hbs of this plugin; never another plugin\'s views.',
  },
  WZV019: {
    severity: 'error',
    summary: 'Handlebars helpers of non-core plugins are named <code>-<name>',
    hint: 'Rename the helper to "<code>-<name>"; only core plugins may use plain names.',
  },
  WZV020: {
    severity: 'error',
    summary: 'no import of host internals',
    hint: 'Import from @wizamart/plugin-sdk instead; only tests may import @wizamart/host/testing.',
  },
  WZV021: {
    severity: 'error',
    summary: 'no deep import into another plugin or @wizamart package',
    hint: 'Import the package root (its public index: types and tokens) or a subpath its "exports" lists.',
  },
  WZV022: {
    severity: 'error',
    summary: 'no relative import escaping the package',
    hint: 'Import other packages by name; a relative path must stay inside the package folder.',
  },
  WZV023: {
    severity: 'error',
    summary: 'the config schema compiles, is type object and its defaults are valid',
    hint: 'Make "config" a JSON Schema { "type": "object", "properties": { … } } whose defaults satisfy it.',
  },
  WZV024: {
    severity: 'warn',
    summary: 'the config schema passes ajv strict mode and each key maps to a WIZAMART_<CODE>_<KEY> variable',
    hint: 'Drop unknown keywords, and name config keys in camelCase letters and digits.',
  },
  WZV025: {
    severity: 'warn',
    summary: 'package.json "files" ships the entry and every asset folder',
    hint: 'Add the folder (e.g. "views", "locales", "dist/migrations") to "files" so the published package has it.',
  },
  WZV026: {
    severity: 'info',
    summary: 'locale files are only for supported languages',
    hint: 'Remove or rename the file: the product reads en, de, fr and lb only.',
  },
  WZV027: {
    severity: 'warn',
    summary: 'translation keys of the plugin used in views, menus and t() calls exist in en.json',
    hint: 'Add the key (without the "<code>." prefix) to en.json and the other languages, or fix the typo.',
  },
  WZV028: {
    severity: 'error',
    summary: 'an internal plugin adds admin routes, pages and menus only',
    hint: 'Keep routes, pages and menus on "admin" (no alias, no stage middleware), or make the plugin "optional".',
  },
  WZV029: {
    severity: 'error',
    summary: 'permissions in permit() and menu items are declared by the plugin or one it requires',
    hint: 'Declare the permission in the manifest "permissions", require the plugin that declares it, or fix the typo.',
  },
  WZV030: {
    severity: 'warn',
    summary: 'permissions are declared as { code, name, description } with locale keys present in en.json',
    hint: 'Declare { "code", "name", "description" } with locale keys as name and description; add them to en.json.',
  },
  WZV031: {
    severity: 'error',
    summary: 'layers run one way: routes do not import repositories, repositories do not import services',
    hint: 'Call a service from the route; move types both layers share into a module outside repositories/ and services/.',
  },
};
