import { stepIncomplete } from '../errors.js';
import type { CheckoutFillStep, CheckoutStep } from '../index.js';
import type { SessionData } from '../model.js';

/** The steps that hold data, in order. */
export const FILL_STEPS: readonly CheckoutFillStep[] = ['contact', 'address', 'shipping', 'payment'];

/** What the store offers now: a saved shipping code or provider outside these is no longer valid. */
export interface StepOptions {
  shippingCodes: readonly string[];
  providers: readonly string[];
}

/** True when `step`'s own data is present and still valid (earlier steps are not looked at). */
export function stepFilled(step: CheckoutFillStep, data: SessionData, options: StepOptions): boolean {
  switch (step) {
    case 'contact':
      return data.email !== null;
    case 'address':
      return data.shippingAddress !== null && (data.billingSameAsShipping || data.billingAddress !== null);
    case 'shipping':
      return data.shippingCode !== null && options.shippingCodes.includes(data.shippingCode);
    case 'payment':
      return data.paymentProvider !== null && options.providers.includes(data.paymentProvider);
  }
}

/** The complete steps (the valid prefix: a step after a missing one does not count) and the next step to fill. */
export function progress(
  data: SessionData,
  options: StepOptions,
): { completed: CheckoutFillStep[]; next: CheckoutStep } {
  const completed: CheckoutFillStep[] = [];
  for (const step of FILL_STEPS) {
    if (!stepFilled(step, data, options)) return { completed, next: step };
    completed.push(step);
  }
  return { completed, next: 'review' };
}

/**
 * Throws 409 `WZ_CHECKOUT_STEP_INCOMPLETE`, naming the first missing step, unless every step before `step` is complete.
 */
export function requireStepsBefore(step: CheckoutStep, data: SessionData, options: StepOptions): void {
  const { next } = progress(data, options);
  const index = (s: CheckoutStep) => (s === 'review' ? FILL_STEPS.length : FILL_STEPS.indexOf(s));
  if (index(next) < index(step)) throw stepIncomplete(step, next);
}

/** The data with what is no longer valid dropped: a shipping code or provider the store stopped offering. */
export function keepValid(data: SessionData, options: StepOptions): SessionData {
  return {
    ...data,
    shippingCode:
      data.shippingCode !== null && options.shippingCodes.includes(data.shippingCode) ? data.shippingCode : null,
    paymentProvider:
      data.paymentProvider !== null && options.providers.includes(data.paymentProvider) ? data.paymentProvider : null,
    billingAddress: data.billingSameAsShipping ? null : data.billingAddress,
  };
}
