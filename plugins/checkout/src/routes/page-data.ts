import type { FieldError } from '@wizamart/plugin-sdk';
import type { CartView } from '@wizamart/plugin-cart';
import type { Request } from 'express';
import { CHECKOUT_STEPS, type CheckoutAddress, type CheckoutState, type CheckoutStep } from '../index.js';
import type { CheckoutOptions, Prefill } from '../services/checkout.service.js';
import type { CheckoutDeps } from './deps.js';

/** One input of an address form: name, label, value and the error to show under it. */
export interface AddressField {
  name: string;
  label: string;
  value: string;
  error: string | undefined;
  autocomplete: string;
  required: boolean;
  maxlength: number;
  type: string;
  help: string | undefined;
  uppercase: boolean;
}

type Lookup = Record<string, string | undefined>;

const FIELDS: ReadonlyArray<{
  field: keyof CheckoutAddress;
  autocomplete: string;
  required?: boolean;
  max: number;
  type?: string;
}> = [
  { field: 'name', autocomplete: 'name', required: true, max: 120 },
  { field: 'line1', autocomplete: 'address-line1', required: true, max: 200 },
  { field: 'line2', autocomplete: 'address-line2', max: 200 },
  { field: 'postalCode', autocomplete: 'postal-code', required: true, max: 20 },
  { field: 'city', autocomplete: 'address-level2', required: true, max: 120 },
  { field: 'region', autocomplete: 'address-level1', max: 120 },
  { field: 'country', autocomplete: 'country', required: true, max: 2 },
  { field: 'phone', autocomplete: 'tel', max: 30, type: 'tel' },
];

/** Where a step's page is. */
export function stepUrl(deps: CheckoutDeps, req: Request, step: CheckoutStep | ''): string {
  return `${deps.ui.base(req, 'storefront')}/checkout${step ? `/${step}` : ''}`;
}

/** The progress bar: every step with its state; steps up to the next one to fill are links. */
export function stepNav(deps: CheckoutDeps, req: Request, state: CheckoutState, current: CheckoutStep) {
  const reachable = CHECKOUT_STEPS.indexOf(state.next);
  return CHECKOUT_STEPS.map((step, index) => ({
    step,
    number: index + 1,
    label: deps.ui.t(req, `checkout.steps.${step}`),
    url: stepUrl(deps, req, step),
    done: (state.completed as string[]).includes(step),
    current: step === current,
    reachable: index <= reachable,
  }));
}

/** The inputs of an address form, `<prefix>_<field>`, filled from `address` (or what was posted), with their errors. */
export function addressFields(
  deps: CheckoutDeps,
  req: Request,
  prefix: 'shipping' | 'billing',
  address: Partial<Record<keyof CheckoutAddress, unknown>> | null,
  errors: Lookup,
): AddressField[] {
  return FIELDS.map(({ field, autocomplete, required, max, type }) => ({
    name: `${prefix}_${field}`,
    label: deps.ui.t(req, `checkout.fields.${field}`),
    value: String(address?.[field] ?? ''),
    error: errors[`${prefix}_${field}`],
    autocomplete: `${prefix} ${autocomplete}`,
    required: Boolean(required),
    maxlength: max,
    type: type ?? 'text',
    help: field === 'country' ? deps.ui.t(req, 'checkout.fields.countryHelp') : undefined,
    uppercase: field === 'country',
  }));
}

/**
 * Per-field messages from a `WZ_VALIDATION` error's fields (`fieldErrorsOf`): `/shippingAddress/city` is the form field
 * `shipping_city`. An empty required field says so; anything else gets the field's own hint.
 */
export function fieldErrors(
  deps: CheckoutDeps,
  req: Request,
  problems: FieldError[],
  posted: Record<string, unknown>,
): Lookup {
  const errors: Lookup = {};
  for (const { path, code } of problems) {
    const parts = path.split('/').filter(Boolean);
    const prefix = parts[0] === 'shippingAddress' ? 'shipping' : parts[0] === 'billingAddress' ? 'billing' : undefined;
    const field = prefix ? (parts[1] ?? 'name') : parts[0];
    if (!field) continue;
    const name = prefix ? `${prefix}_${field}` : field;
    const empty = code === 'required' || posted[name] === '' || posted[name] === undefined;
    const key = empty ? 'checkout.fieldErrors.required' : `checkout.fieldErrors.${field}`;
    const text = deps.ui.t(req, key);
    errors[name] ??= text === key ? deps.ui.t(req, 'checkout.fieldErrors.invalid') : text;
  }
  return errors;
}

/** The saved address to start the address form with: the default one (listed first by customers). */
export function firstAddress(prefill: Prefill): CheckoutAddress | null {
  const [first] = prefill.addresses;
  if (!first) return null;
  const { id: _id, isDefault: _default, ...address } = first;
  return address;
}

/** The cart beside every step: lines, item count and subtotal. */
export function cartSummary(cart: CartView) {
  return { lines: cart.lines, itemCount: cart.itemCount, subtotal: cart.subtotal, currency: cart.currency };
}

/** Lines with their chosen options as the cart and order pages show them (`Size: L · Colour: Navy`). */
export function withOptions<L extends { optionValues: Record<string, string> }>(
  lines: readonly L[],
): Array<L & { options: string }> {
  return lines.map((line) => ({
    ...line,
    options: Object.entries(line.optionValues)
      .map(([name, value]) => `${name}: ${value}`)
      .join(' · '),
  }));
}

/** Radio choices of the shipping and payment steps. */
export function choices(options: CheckoutOptions, state: CheckoutState) {
  return {
    shipping: options.shipping.map((option) => ({ ...option, checked: option.code === state.shippingCode })),
    providers: options.providers.map((provider) => ({ ...provider, checked: provider.code === state.paymentProvider })),
  };
}

/** Inputs a provider needs at the review (never stored): the `test` sandbox reads a card number. */
export function providerInputs(deps: CheckoutDeps, req: Request, provider: string | null) {
  if (provider !== 'test') return [];
  return [
    {
      name: 'input_cardNumber',
      label: deps.ui.t(req, 'checkout.review.cardNumber'),
      help: deps.ui.t(req, 'checkout.review.cardNumberHelp'),
      autocomplete: 'cc-number',
      inputmode: 'numeric',
    },
  ];
}
