import { createValidator } from '@wizamart/plugin-sdk';
import type { CheckoutAddress, CheckoutFillStep, PlaceOrderRequest } from '../index.js';
import addressSchema from './schemas/address.schema.json' with { type: 'json' };
import contactSchema from './schemas/contact.schema.json' with { type: 'json' };
import orderParamsSchema from './schemas/order-params.schema.json' with { type: 'json' };
import paymentSchema from './schemas/payment.schema.json' with { type: 'json' };
import placeSchema from './schemas/place.schema.json' with { type: 'json' };
import shippingSchema from './schemas/shipping.schema.json' with { type: 'json' };

/** The body of each step's PUT. */
export interface StepInputs {
  contact: { email: string };
  address: {
    shippingAddress: CheckoutAddress;
    billingSameAsShipping: boolean;
    billingAddress?: CheckoutAddress | null;
  };
  shipping: { code: string };
  payment: { provider: string };
}

// Compiled once per process: plugins register again for every test host, and ajv would refuse a schema twice.
const parsers = {
  contact: createValidator<StepInputs['contact']>(contactSchema),
  address: createValidator<StepInputs['address']>(addressSchema),
  shipping: createValidator<StepInputs['shipping']>(shippingSchema),
  payment: createValidator<StepInputs['payment']>(paymentSchema),
};
const parsePlaceObject = createValidator<PlaceOrderRequest>(placeSchema);
const parseOrderParams = createValidator<{ orderId: string }>(orderParamsSchema);

const ADDRESS_FIELDS = ['name', 'line1', 'line2', 'postalCode', 'city', 'region', 'country', 'phone'] as const;
const OPTIONAL = new Set(['line2', 'region', 'phone']);

/** An address with its optional fields present (null when not given). */
function fullAddress(address: CheckoutAddress): CheckoutAddress {
  return { ...address, line2: address.line2 ?? null, region: address.region ?? null, phone: address.phone ?? null };
}

/** The body of a step's PUT, validated (unknown fields → 400 `WZ_VALIDATION`). */
export function parseStep<S extends CheckoutFillStep>(step: S, body: unknown): StepInputs[S] {
  const input = parsers[step](body) as StepInputs[S];
  if (step !== 'address') return input;
  const address = input as StepInputs['address'];
  return {
    shippingAddress: fullAddress(address.shippingAddress),
    billingSameAsShipping: address.billingSameAsShipping,
    billingAddress:
      address.billingSameAsShipping || !address.billingAddress ? null : fullAddress(address.billingAddress),
  } as StepInputs[S];
}

/** The body of `POST …/checkout/place`, validated; only the provider input and the reviewed total are accepted. */
export function parsePlace(body: unknown): PlaceOrderRequest {
  return parsePlaceObject(body ?? {});
}

/** `:orderId` route parameter (a UUID). */
export function parseOrderId(params: Record<string, unknown>): string {
  return parseOrderParams({ orderId: params.orderId }).orderId.toLowerCase();
}

const text = (body: Record<string, unknown>, name: string) =>
  typeof body[name] === 'string' ? (body[name] as string).trim() : '';

/** `<prefix>_<field>` form fields as an address (empty optional fields become null, the country upper case). */
function addressFromForm(body: Record<string, unknown>, prefix: string): Record<string, unknown> {
  return Object.fromEntries(
    ADDRESS_FIELDS.map((field) => {
      const value = text(body, `${prefix}_${field}`);
      if (field === 'country') return [field, value.toUpperCase()];
      return [field, OPTIONAL.has(field) && !value ? null : value];
    }),
  );
}

/** A step's form post (urlencoded, flat field names) as the body of its API PUT. */
export function stepFromForm(step: CheckoutFillStep, body: Record<string, unknown>): Record<string, unknown> {
  switch (step) {
    case 'contact':
      return { email: text(body, 'email') };
    case 'address': {
      const same = body.billingSameAsShipping === 'on' || body.billingSameAsShipping === 'true';
      return {
        shippingAddress: addressFromForm(body, 'shipping'),
        billingSameAsShipping: same,
        ...(same ? {} : { billingAddress: addressFromForm(body, 'billing') }),
      };
    }
    case 'shipping':
      return { code: text(body, 'code') };
    case 'payment':
      return { provider: text(body, 'provider') };
  }
}

/**
 * The review form's post as the body of `POST …/checkout/place`: the reviewed total and the provider's input fields
 * (`input_<name>`, e.g. `input_cardNumber`). The `Idempotency-Key` travels as the `idempotencyKey` field.
 */
export function placeFromForm(body: Record<string, unknown>): Record<string, unknown> {
  const input = Object.fromEntries(
    Object.keys(body)
      .filter((key) => key.startsWith('input_'))
      .map((key) => [key.slice(6), text(body, key)]),
  );
  const total = text(body, 'expectedTotal');
  return {
    ...(Object.keys(input).length ? { payment: { input } } : {}),
    ...(/^\d{1,12}$/.test(total) ? { expectedTotal: Number(total) } : {}),
  };
}
