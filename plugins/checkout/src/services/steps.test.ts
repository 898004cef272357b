import { expect } from 'chai';
import { WizamartError } from '@wizamart/plugin-sdk';
import { EMPTY_SESSION, type SessionData } from '../model.js';
import { keepValid, progress, requireStepsBefore, type StepOptions } from './steps.js';

const address = {
  name: 'Ana',
  line1: 'Rue 1',
  line2: null,
  city: 'Luxembourg',
  region: null,
  postalCode: 'L-1111',
  country: 'LU',
  phone: null,
};
const options: StepOptions = { shippingCodes: ['standard', 'express'], providers: ['test', 'manual'] };
const full: SessionData = {
  ...EMPTY_SESSION,
  email: 'ana@example.com',
  shippingAddress: address,
  shippingCode: 'standard',
  paymentProvider: 'test',
};

function incompleteStep(run: () => void): unknown {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(WizamartError);
    expect((error as WizamartError).code).to.equal('WZ_CHECKOUT_STEP_INCOMPLETE');
    return (error as WizamartError).details;
  }
  throw new Error('expected WZ_CHECKOUT_STEP_INCOMPLETE');
}

describe('checkout steps', () => {
  it('counts only the complete prefix of the steps and names the next one', () => {
    expect(progress(EMPTY_SESSION, options)).to.deep.equal({ completed: [], next: 'contact' });
    expect(progress({ ...EMPTY_SESSION, email: 'a@b.lu' }, options)).to.deep.equal({
      completed: ['contact'],
      next: 'address',
    });
    expect(progress(full, options)).to.deep.equal({
      completed: ['contact', 'address', 'shipping', 'payment'],
      next: 'review',
    });
    // Data of a later step does not make up for a missing earlier one.
    expect(progress({ ...full, email: null }, options)).to.deep.equal({ completed: [], next: 'contact' });
  });

  it('needs a billing address unless billing is the shipping address', () => {
    const separate = { ...full, billingSameAsShipping: false, billingAddress: null };
    expect(progress(separate, options).next).to.equal('address');
    expect(progress({ ...separate, billingAddress: { ...address, name: 'Billing' } }, options).next).to.equal('review');
  });

  it('treats a shipping code or provider the store no longer offers as missing', () => {
    expect(progress(full, { ...options, shippingCodes: ['express'] })).to.deep.equal({
      completed: ['contact', 'address'],
      next: 'shipping',
    });
    expect(progress(full, { ...options, providers: ['manual'] }).next).to.equal('payment');
  });

  it('refuses a step while an earlier one is missing, naming the missing step', () => {
    expect(
      incompleteStep(() => requireStepsBefore('shipping', { ...EMPTY_SESSION, email: 'a@b.lu' }, options)),
    ).to.deep.equal({ step: 'shipping', missing: 'address' });
    expect(
      incompleteStep(() => requireStepsBefore('review', { ...full, paymentProvider: null }, options)),
    ).to.deep.equal({ step: 'review', missing: 'payment' });
    expect(() => requireStepsBefore('contact', EMPTY_SESSION, options)).not.to.throw();
    expect(() => requireStepsBefore('address', { ...EMPTY_SESSION, email: 'a@b.lu' }, options)).not.to.throw();
    expect(() => requireStepsBefore('review', full, options)).not.to.throw();
    // Changing an earlier step is always allowed.
    expect(() => requireStepsBefore('contact', full, options)).not.to.throw();
  });

  it('keeps later data only while it is still valid', () => {
    expect(keepValid(full, options)).to.deep.equal(full);
    expect(keepValid(full, { shippingCodes: ['express'], providers: ['manual'] })).to.include({
      shippingCode: null,
      paymentProvider: null,
    });
    expect(
      keepValid({ ...full, billingAddress: address }, options).billingAddress,
      'same as shipping keeps no billing address',
    ).to.equal(null);
  });
});
