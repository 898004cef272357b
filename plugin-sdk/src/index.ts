/**
 * The SDK Wizamart plugins build against: {@link definePlugin} and the `ctx` types, service tokens, route guards,
 * the one error class with its code catalog, the manifest schema and validator, and input validation. The test
 * harness lives in the `@wizamart/plugin-sdk/testing` entry point.
 *
 * @packageDocumentation
 */
export {
  defineErrors,
  ERROR_CODE_PATTERN,
  ERROR_CODES,
  errorBody,
  hostErrors,
  isWizamartError,
  WizamartError,
} from './errors.js';
export type {
  CatalogError,
  ErrorCatalog,
  ErrorFactories,
  ErrorFactory,
  ErrorFactoryOptions,
  ErrorJson,
  ErrorSpec,
  HostErrorCode,
  WizamartErrorOptions,
} from './errors.js';
export { manifestSchema, PLUGIN_CODE_PATTERN, RESERVED_PLUGIN_CODES } from './manifest.schema.js';
export { validateManifest } from './manifest.js';
export type { ManifestProblem, ManifestValidation, PluginManifest, PluginTier } from './manifest.js';
export { definePermissions, permissionCodes, permissionDeclarations } from './permissions.js';
export type { PermissionDeclaration, PermissionSurface } from './permissions.js';
export { defineServiceToken, optional } from './services.js';
export type { DepsSpec, OptionalDep, PluginServices, ResolvedDeps, ServiceToken, TokenReference } from './services.js';
export { definePlugin } from './plugin.js';
export type {
  EventHandler,
  HealthCheckResult,
  MenuItem,
  PluginAssets,
  PluginCli,
  PluginCommand,
  CommandIo,
  PluginContext,
  PluginDefinition,
  PluginEvents,
  PluginHealth,
  PluginInfo,
  PluginLogger,
  PluginMenus,
  PluginViews,
  PluginRoutes,
  Surface,
} from './plugin.js';
export { createValidator } from './validation.js';
export type { ValidationProblem } from './validation.js';
export { fieldErrorsOf, fieldMessage, fieldName, validationError } from './field-errors.js';
export type { FieldError, FieldErrorCode, FieldErrorInput } from './field-errors.js';
export { FIELD_MESSAGE_LANGUAGES, FIELD_MESSAGES } from './field-messages.js';
export type { JobOptions, JobRun, JobStatus, JobTarget, PluginJobs } from './jobs.js';
export { guardOf, permit, publicAccess, readCookie } from './http.js';
export { wantsJson } from './negotiation.js';
export { isUuid } from './ids.js';
export { formatMinor, minorDigits, parseMinor } from './money.js';
export type { HttpStage, Principal, RequestState, RequestTenant, RouteGuard } from './http.js';
export { ANONYMOUS, contextOf, createActor, createRequestContext, linkBaseOf, requireStore } from './context.js';
export type {
  Actor,
  Language,
  RequestContext,
  RequestContextFields,
  RequestSurface,
  StoreRef,
  UrlMatch,
} from './context.js';
export { HOST_SERVICE_OWNER, HostServices } from './host-services.js';
export type {
  DeclaredPermission,
  EnablementAuditEntry,
  EnablementChangeOptions,
  EnablementPlan,
  EnablementResult,
  HostEnvironment,
  InstalledPluginInfo,
  MenuDirectory,
  MenuEntry,
  Platform,
  PlatformDirectory,
  PlatformPlugin,
  PluginDirectory,
} from './host-services.js';
