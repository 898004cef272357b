import {
  contextOf,
  isWizamartError,
  minorDigits,
  permit,
  requireStore,
  type RequestContext,
} from '@wizamart/plugin-sdk';
import type { Request, Response, Router } from 'express';
import { type OrdersDeps } from './deps.js';
import { basisPointsFromForm, integerFromForm, minorFromForm, parseId, parseRate, parseTax } from './validators.js';
import { ORDERS_PERMISSIONS } from '../index.js';

/** A refused settings form: which one (`tax`, `new-rate` or a rate id), what was typed and the messages. */
interface Refused {
  form: string;
  values: Record<string, string>;
  error: string;
  errors: Record<string, string>;
}

/** A posted form without its page-only field, empty texts dropped. */
export function formFields(body: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (key !== '_csrf' && typeof value === 'string' && value.trim() !== '') fields[key] = value;
  }
  return fields;
}

/** A shipping rate form as the API body (`amount` in the store's currency, `active` a checkbox). */
function rateFromForm(body: unknown, currency: string) {
  const fields = formFields(body);
  return {
    code: fields.code?.trim().toLowerCase() ?? '',
    name: fields.name?.trim() ?? '',
    amount: minorFromForm(fields.amount, currency),
    position: fields.position === undefined ? 0 : integerFromForm(fields.position),
    active: fields.active !== undefined,
  };
}

/** Minor units as the decimal text a form field shows (`490` EUR → `4.90`). */
function decimalText(amount: number, digits: number): string {
  return digits === 0 ? String(amount) : (amount / 10 ** digits).toFixed(digits);
}

/** The settings page; after a refused post, with its status and the messages beside the refused form's fields. */
async function renderSettings(deps: OrdersDeps, req: Request, res: Response, status = 200, refused?: Refused) {
  const settings = await deps.settings.view(contextOf(req));
  const digits = minorDigits(settings.currency);
  const mine = (form: string) => (refused?.form === form ? refused : undefined);
  const rates = settings.shippingRates.map((rate) => {
    const failed = mine(rate.id);
    const typed = failed
      ? { ...failed.values, amountText: failed.values.amount, active: failed.values.active !== undefined }
      : {};
    return {
      ...rate,
      amountText: decimalText(rate.amount, digits),
      ...typed,
      errors: failed?.errors,
      error: failed?.error,
    };
  });
  const taxPercent = decimalText(settings.taxRateBasisPoints, 2).replace(/\.?0+$/, '') || '0';
  res.status(status).render('orders/store/settings', {
    title: deps.ui.t(req, 'orders.settings.title'),
    settings,
    taxPercent: mine('tax')?.values.taxRate ?? taxPercent,
    tax: mine('tax'),
    newRate: mine('new-rate') ?? { values: { position: '0', active: 'on' } },
    rates,
    amountStep: digits === 0 ? '1' : `0.${'0'.repeat(digits - 1)}1`,
  });
}

/** Amounts and rates are typed as decimal text: say how, not "Enter a whole number". */
const HINTS = { amount: 'orders.fieldHints.amount', taxRateBasisPoints: 'orders.fieldHints.taxRate' };

type Work = (ctx: RequestContext) => Promise<unknown>;

/** Runs a settings change: success redirects with a flash (PRG); a refusal shows the page again with the messages. */
async function settingsChange(deps: OrdersDeps, req: Request, res: Response, form: string, done: string, work: Work) {
  try {
    await work(contextOf(req));
  } catch (error) {
    if (!isWizamartError(error) || error.status >= 500 || error.status === 403 || error.status === 404) throw error;
    const { message, fields } = deps.ui.formErrors(req, error, HINTS);
    return renderSettings(deps, req, res, error.status, {
      form,
      values: formFields(req.body),
      error: message,
      errors: fields,
    });
  }
  deps.ui.redirectWithFlash(res, `${deps.ui.base(req, 'store')}/orders/settings`, {
    type: 'success',
    message: deps.ui.t(req, done),
  });
}

/** `/store/<store>/orders/settings…`: tax and shipping rates, with field messages beside a refused form. */
export function settingsPages(router: Router, deps: OrdersDeps): void {
  const manage = permit(ORDERS_PERMISSIONS.settingsManage);
  router.get('/settings', manage, (req, res) => renderSettings(deps, req, res));
  router.post('/settings/tax', manage, (req, res) =>
    settingsChange(deps, req, res, 'tax', 'orders.flash.taxSaved', (ctx) => {
      const fields = formFields(req.body);
      const taxRateBasisPoints = basisPointsFromForm(fields.taxRate ?? '0');
      return deps.settings.saveTax(
        ctx,
        parseTax({ taxRateBasisPoints, taxInclusive: fields.taxInclusive !== undefined }),
      );
    }),
  );
  router.post('/settings/rates', manage, (req, res) =>
    settingsChange(deps, req, res, 'new-rate', 'orders.flash.rateAdded', (ctx) =>
      deps.settings.createRate(ctx, parseRate(rateFromForm(req.body, requireStore(ctx).currency))),
    ),
  );
  router.post('/settings/rates/:id', manage, (req, res) =>
    settingsChange(deps, req, res, String(req.params.id).toLowerCase(), 'orders.flash.rateSaved', (ctx) =>
      deps.settings.updateRate(ctx, parseId(req.params), parseRate(rateFromForm(req.body, requireStore(ctx).currency))),
    ),
  );
  router.post('/settings/rates/:id/delete', manage, (req, res) =>
    settingsChange(deps, req, res, 'delete', 'orders.flash.rateDeleted', (ctx) =>
      deps.settings.deleteRate(ctx, parseId(req.params)),
    ),
  );
}
