import { expect } from 'chai';
import { defineErrors, errorBody, ERROR_CODES, hostErrors, isWizamartError, WizamartError } from './errors.js';

const errors = defineErrors({
  WZ_CART_LINE_NOT_FOUND: { status: 404, message: 'No such line in your cart' },
  WZ_CART_QUANTITY_LIMIT: { status: 422, message: (p: { max: number }) => `A cart line holds 1 to ${p.max} units` },
});

describe('WizamartError', () => {
  it('takes its status from the host catalog unless given one', () => {
    expect(new WizamartError('WZ_VALIDATION', 'bad').status).to.equal(400);
    expect(new WizamartError('WZ_SHOP_GONE', 'gone', { status: 410 }).status).to.equal(410);
    expect(new WizamartError('WZ_SHOP_UNKNOWN', 'x').status).to.equal(500);
  });

  it('serialises to the API error shape without the cause', () => {
    const error = new WizamartError('WZ_NOT_FOUND', 'No such order', { details: { id: 7 }, cause: new Error('sql') });
    expect(JSON.parse(JSON.stringify(error))).to.deep.equal({
      code: 'WZ_NOT_FOUND',
      message: 'No such order',
      details: { id: 7 },
    });
  });

  it('is recognised across copies of the SDK by shape', () => {
    const foreign = { name: 'WizamartError', code: 'WZ_X_Y', status: 400, message: 'm' };
    expect(isWizamartError(foreign)).to.equal(true);
    expect(isWizamartError(new Error('x'))).to.equal(false);
    expect(isWizamartError(null)).to.equal(false);
  });
});

describe('defineErrors', () => {
  it('makes a factory per code with the catalog status and message', () => {
    const error = errors.WZ_CART_LINE_NOT_FOUND();
    expect(error).to.be.instanceOf(WizamartError);
    expect(error).to.include({ code: 'WZ_CART_LINE_NOT_FOUND', status: 404, message: 'No such line in your cart' });
    expect(error.details).to.deep.equal({});
  });

  it('builds the message from typed parameters, which become the details', () => {
    const error = errors.WZ_CART_QUANTITY_LIMIT({ max: 5 });
    expect(error).to.include({ status: 422, message: 'A cart line holds 1 to 5 units' });
    expect(error.details).to.deep.equal({ max: 5 });
  });

  it('takes details and a cause as options', () => {
    const cause = new Error('db');
    const error = errors.WZ_CART_QUANTITY_LIMIT({ max: 5 }, { details: { limit: 5 }, cause });
    expect(error.details).to.deep.equal({ limit: 5 });
    expect(error.cause).to.equal(cause);
    expect(errors.WZ_CART_LINE_NOT_FOUND({ cause }).cause).to.equal(cause);
  });

  it('keeps the catalog for tools and the error-table test', () => {
    expect(Object.keys(errors.catalog)).to.deep.equal(['WZ_CART_LINE_NOT_FOUND', 'WZ_CART_QUANTITY_LIMIT']);
    expect(hostErrors.catalog.WZ_NOT_FOUND.status).to.equal(404);
  });

  it('does not compile a misspelt code or a wrong parameter', () => {
    const misspelt = () => {
      // @ts-expect-error the code is misspelt
      errors.WZ_CART_LINE_NOTFOUND();
      // @ts-expect-error max must be a number
      errors.WZ_CART_QUANTITY_LIMIT({ max: 'five' });
      // @ts-expect-error the parameters are required
      errors.WZ_CART_QUANTITY_LIMIT();
    };
    expect(misspelt).to.throw(TypeError);
  });

  it('refuses codes that are not WZ_<AREA>_<WHAT> and statuses that are not HTTP statuses', () => {
    expect(() => defineErrors({ WZ_CART: { status: 400, message: 'x' } })).to.throw(/WZ_<AREA>_<WHAT>/);
    expect(() => defineErrors({ WZ_cart_gone: { status: 400, message: 'x' } })).to.throw(/WZ_<AREA>_<WHAT>/);
    expect(() => defineErrors({ WZ_CART_GONE: { status: 2, message: 'x' } })).to.throw(/status 2/);
    expect(() => defineErrors({ ['CART_GONE' as 'WZ_X_Y']: { status: 404, message: 'x' } })).to.throw(/CART_GONE/);
  });

  it('keeps host codes WZ_<AREA>_<WHAT> (WZ_INTERNAL and WZ_VALIDATION are the generic exceptions)', () => {
    const codes = Object.keys(hostErrors.catalog).filter((code) => code !== 'WZ_INTERNAL' && code !== 'WZ_VALIDATION');
    for (const code of codes) expect(code).to.match(/^WZ_[A-Z0-9]+_[A-Z0-9_]+$/);
    expect(ERROR_CODES.WZ_JOB_STOPPED).to.equal(503);
  });
});

describe('errorBody', () => {
  it('wraps code, message and details in the one API envelope', () => {
    const error = hostErrors.WZ_PLUGIN_DISABLED({ plugin: 'cart' }, { cause: new Error('secret') });
    expect(errorBody(error)).to.deep.equal({
      error: {
        code: 'WZ_PLUGIN_DISABLED',
        message: 'The cart plugin is not enabled on this platform',
        details: { plugin: 'cart' },
      },
    });
  });
});
