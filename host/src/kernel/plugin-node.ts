import type { PluginManifest } from '@wizamart/plugin-sdk';
import type { DiscoveredPackage } from './discover.js';

/** `ok` until something fails it; `blocked` when a required plugin failed or is blocked. */
export type PluginState = 'ok' | 'failed' | 'blocked';

/** Why a plugin is failed or blocked. */
export interface PluginFailure {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** One discovered plugin as the kernel tracks it through boot. */
export interface PluginNode {
  pkg: DiscoveredPackage;
  /** The manifest code, or the package name when the manifest has no usable code. */
  code: string;
  /** Present once the manifest is valid. */
  manifest?: PluginManifest;
  state: PluginState;
  error: PluginFailure | null;
}

/** Marks a plugin failed, keeping the first failure. */
export function failNode(node: PluginNode, failure: PluginFailure): void {
  if (node.state !== 'ok') return;
  node.state = 'failed';
  node.error = failure;
}

/** Codes of the plugins `node` depends on: required ones, and optional ones only when `includeOptional`. */
export function dependencyCodes(node: PluginNode, includeOptional: boolean): string[] {
  const required = Object.keys(node.manifest?.requires ?? {});
  return includeOptional ? [...required, ...Object.keys(node.manifest?.optionalRequires ?? {})] : required;
}
