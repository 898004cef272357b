import { hostErrors } from '@wizamart/plugin-sdk';
import type { Request, Response } from 'express';
import { coreErrors } from '../errors.js';
import type { CoreUi, Flash, StorefrontSection } from '../index.js';
import { readCookie, replaceCookie } from '../http/cookies.js';
import { formErrors } from './form-errors.js';
import { decodeFlashes, encodeFlashes, FLASH_COOKIE, FLASH_MAX_AGE } from './flash.js';
import { DEFAULT_LANGUAGE, type Translations } from './i18n.js';
import { isLocalPath, surfaceBase } from './surface-base.js';

/** Flashes queued on a response, so several calls send one cookie with all of them. */
const pending = new WeakMap<Response, Flash[]>();

/** True when this response already queued flashes for the next page. */
export function hasPendingFlash(res: Response): boolean {
  return (pending.get(res)?.length ?? 0) > 0;
}

/** Reads the flashes the previous response left and clears the cookie (unless this response queued new ones). */
export function takeFlashes(req: Request, res: Response): Flash[] {
  const flashes = decodeFlashes(readCookie(req.headers.cookie, FLASH_COOKIE));
  if (flashes.length > 0 && !hasPendingFlash(res)) replaceCookie(res, FLASH_COOKIE, '', 0);
  return flashes;
}

/** The language of a page request (chosen by the `theme` stage), else English. */
export function requestLanguage(req: Request): string {
  const wz = (req.res?.locals as { wz?: { lang?: string } } | undefined)?.wz;
  return wz?.lang ?? DEFAULT_LANGUAGE;
}

/** A storefront home section with the plugin that added it. */
export interface RegisteredSection extends StorefrontSection {
  plugin: string;
}

/** The `CoreServices.ui` implementation; `sections` collects the storefront home sections plugins add. */
export function createCoreUi(translations: Translations, sections: RegisteredSection[] = []): CoreUi {
  const flash = (res: Response, message: Flash) => {
    const list = [...(pending.get(res) ?? []), message];
    pending.set(res, list);
    replaceCookie(res, FLASH_COOKIE, encodeFlashes(list), FLASH_MAX_AGE);
  };
  return {
    flash,
    redirectWithFlash(res, to, message) {
      if (!isLocalPath(to)) {
        throw coreErrors.WZ_CORE_UNSAFE_REDIRECT({ details: { to: to.slice(0, 200) } });
      }
      flash(res, message);
      res.redirect(303, to);
    },
    base: surfaceBase,
    registerLocales(plugin) {
      translations.load(plugin.plugin.code, plugin.i18n.dir);
    },
    t(req, key, params) {
      return translations.translate(requestLanguage(req), key, params);
    },
    formErrors(req, error, hints = {}) {
      const language = requestLanguage(req);
      const hint = (key: string) => translations.translate(language, key);
      return formErrors(error, { language, summary: hint('core.form.invalid'), hint, hints });
    },
    addStorefrontSection(ctx, section) {
      const plugin = ctx.plugin.code;
      if (!section.partial.startsWith(`${plugin}/`)) {
        const own = `${plugin}/<name>`;
        const problem = `a storefront section renders one of its own partials ("${own}"), not "${section.partial}"`;
        const details = { plugin, partial: section.partial };
        throw hostErrors.WZ_PLUGIN_INVALID_ARGUMENT({ plugin, problem }, { details });
      }
      if (sections.some((known) => known.plugin === plugin && known.id === section.id)) {
        const problem = `storefront section "${section.id}" is added twice`;
        throw hostErrors.WZ_PLUGIN_INVALID_ARGUMENT({ plugin, problem }, { details: { plugin, id: section.id } });
      }
      sections.push({ ...section, plugin });
    },
  };
}
