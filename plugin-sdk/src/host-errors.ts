import type { ErrorCatalog } from './errors.js';

type Plugin = { plugin: string };
type PluginProblem = { plugin: string; problem: string };
const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

/**
 * The host's and the SDK's own error codes: status and message per code. docs/errors.md documents each one and
 * host/test/errors-table.test.ts keeps the two in step. Read through `hostErrors` (errors.ts).
 */
export const HOST_ERROR_CATALOG = {
  WZ_PLUGIN_MANIFEST_INVALID: { status: 500, message: 'The plugin manifest is invalid' },
  WZ_PLUGIN_DUPLICATE_CODE: { status: 500, message: 'Two installed packages use the same plugin code' },
  WZ_PLUGIN_MISSING_DEP: { status: 500, message: 'A plugin this one requires is not installed' },
  WZ_PLUGIN_DEP_VERSION: { status: 500, message: 'A plugin this one requires is installed in a version out of range' },
  WZ_PLUGIN_HOST_RANGE: { status: 500, message: 'The plugin does not support this host version' },
  WZ_PLUGIN_CYCLE: { status: 500, message: 'The plugin is part of a dependency cycle' },
  WZ_PLUGIN_TIER: { status: 500, message: 'A core plugin requires a plugin that is not core' },
  WZ_PLUGIN_ENTRY: { status: 500, message: (p: PluginProblem & { entry?: string }) => `${p.plugin}: ${p.problem}` },
  WZ_PLUGIN_REGISTER_FAILED: {
    status: 500,
    message: (p: PluginProblem) => `${p.plugin}: register failed: ${p.problem}`,
  },
  WZ_PLUGIN_START_FAILED: { status: 500, message: (p: PluginProblem) => `${p.plugin}: start failed: ${p.problem}` },
  WZ_PLUGIN_TIMEOUT: {
    status: 500,
    message: (p: { what: string; ms: number }) => `${p.what} did not settle within ${p.ms} ms`,
  },
  WZ_PLUGIN_UNDECLARED_DEP: {
    status: 500,
    message: (p: Plugin & { token: string; owner: string }) =>
      `${p.plugin} asked for service ${p.token} but does not declare "${p.owner}" in requires or optionalRequires`,
  },
  WZ_PLUGIN_BLOCKED: {
    status: 500,
    message: (p: Plugin & { dependency: string }) =>
      `${p.plugin} is blocked: it requires ${p.dependency}, which failed`,
  },
  WZ_PLUGIN_CONFIG_INVALID: {
    status: 500,
    message: (p: Plugin & { problems: Array<{ variable: string; message: string }> }) =>
      `Configuration of ${p.plugin} is invalid: ${p.problems.map((q) => `${q.variable} ${q.message}`).join('; ')}`,
  },
  WZ_PLUGIN_CONTEXT_UNAVAILABLE: {
    status: 500,
    message: 'The request context is built before the plugin router runs; it is not available here',
  },
  WZ_PLUGIN_INVALID_ARGUMENT: { status: 500, message: (p: PluginProblem) => `${p.plugin}: ${p.problem}` },
  WZ_PLUGIN_STAGE_FORBIDDEN: {
    status: 500,
    message: (p: Plugin & { what: string }) => `${p.plugin} is not a core plugin and cannot ${p.what}`,
  },
  WZ_PLUGIN_INTERNAL_SURFACE: {
    status: 500,
    message: (p: Plugin & { what: string }) =>
      `${p.plugin} is an internal plugin and may only add admin routes, pages and menus, not ${p.what}`,
  },
  WZ_PLUGIN_NOT_STARTED: {
    status: 503,
    message: (p: Plugin) => `The ${p.plugin} plugin has not started yet; try again shortly`,
  },
  WZ_SERVICE_NOT_PROVIDED: {
    status: 500,
    message: (p: Plugin & { token: string; owner: string }) =>
      `Service ${p.token} is not available to ${p.plugin}: ${p.owner} is absent, not loaded or did not provide it`,
  },
  WZ_SERVICE_FOREIGN_TOKEN: {
    status: 500,
    message: (p: Plugin & { token: string; owner: string }) =>
      `${p.plugin} cannot provide ${p.token}: the token belongs to ${p.owner}`,
  },
  WZ_SERVICE_DUPLICATE: {
    status: 500,
    message: (p: Plugin & { token: string }) => `${p.plugin} provided ${p.token} twice`,
  },
  WZ_PLUGIN_DISABLED: { status: 404, message: (p: Plugin) => `The ${p.plugin} plugin is not enabled on this platform` },
  WZ_PLUGIN_NOT_FOUND: { status: 404, message: (p: Plugin) => `No installed plugin "${p.plugin}"` },
  WZ_PLUGIN_NOT_LOADED: {
    status: 409,
    message: (p: Plugin & { state: string; error: { code: string; message: string } | null }) =>
      `${p.plugin} is ${p.state} and cannot be enabled${p.error ? `: ${p.error.code}: ${p.error.message}` : ''}`,
  },
  WZ_PLUGIN_CORE_REQUIRED: {
    status: 409,
    message: (p: Plugin) => `${p.plugin} is a core plugin and is always enabled`,
  },
  WZ_PLATFORM_NOT_FOUND: { status: 404, message: (p: { platform: string }) => `No platform "${p.platform}"` },
  WZ_PLATFORM_CONFLICT: { status: 409, message: 'A platform with this code or domain already exists' },
  WZ_DB_UNAVAILABLE: { status: 503, message: (p: { problem: string }) => p.problem },
  WZ_MIGRATION_INVALID: { status: 500, message: (p: PluginProblem) => `${p.plugin}: ${p.problem}` },
  WZ_MIGRATION_FAILED: { status: 500, message: (p: PluginProblem) => `${p.plugin}: migration failed: ${p.problem}` },
  WZ_MIGRATION_DEPENDENTS: {
    status: 409,
    message: ({ plugin, dependents: d }: Plugin & { dependents: string[] }) =>
      `Cannot roll back ${plugin}: ${d.join(', ')} require${plural(d.length, 's', '')} it and ` +
      `${plural(d.length, 'has', 'have')} applied migrations; roll ${plural(d.length, 'it', 'them')} back first`,
  },
  WZ_MIGRATION_NOT_FOUND: {
    status: 404,
    message: (p: Plugin & { migration?: string }) =>
      p.migration === undefined
        ? `No installed plugin "${p.plugin}"`
        : `${p.plugin}: "${p.migration}" is not an applied migration`,
  },
  WZ_JOB_UNKNOWN: { status: 400, message: (p: { name: string }) => `No job named "${p.name}" is defined` },
  WZ_JOB_STOPPED: { status: 503, message: 'The job queue is not connected, or was stopped' },
  WZ_CLI_USAGE: { status: 400, message: (p: { problem: string }) => p.problem },
  WZ_AUTH_UNAUTHENTICATED: { status: 401, message: 'Sign in to continue' },
  WZ_AUTH_FORBIDDEN: {
    status: 403,
    message: (p: { missing: string[] }) => `This needs the permission ${p.missing.join(', ')}`,
  },
  WZ_AUTH_ROUTE_UNGUARDED: {
    status: 500,
    message: (p: Plugin & { routes: string[] }) =>
      `${p.plugin} has routes without permit(…) or publicAccess(): ${p.routes.join(', ')}`,
  },
  WZ_AUTH_PERMISSION_UNDECLARED: {
    status: 500,
    message: (p: Plugin & { uses: Array<{ permission: string; at: string }> }) =>
      `${p.plugin} uses permissions that neither it nor a plugin it requires declares: ` +
      p.uses.map((use) => `${use.permission} (${use.at})`).join(', '),
  },
  WZ_ROUTE_ALIAS_TAKEN: {
    status: 500,
    message: (p: Plugin & { surface: string; segment: string; owner: string }) =>
      `${p.plugin} cannot serve /${p.surface}/…/${p.segment}: ${p.owner} already does`,
  },
  WZ_HOST_NO_HTTP: { status: 500, message: 'This host runs without HTTP (worker mode) and cannot listen' },
  /** Built by `validationError(fields)` (field-errors.ts), which words the message after the fields. */
  WZ_VALIDATION: { status: 400, message: 'The input is not valid' },
  WZ_PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is larger than the 1 MB limit' },
  WZ_PAYLOAD_UNSUPPORTED: { status: 415, message: 'The request body encoding is not supported' },
  WZ_NOT_FOUND: {
    status: 404,
    message: (p: { method?: string; path: string }) => `Nothing at ${p.method ? `${p.method} ` : ''}${p.path}`,
  },
  WZ_INTERNAL: { status: 500, message: 'Something went wrong on our side; the error was logged with the request id' },
} as const satisfies ErrorCatalog;
