import { expect } from 'chai';
import { ERROR_CODES, isWizamartError, WizamartError } from './errors.js';

describe('WizamartError', () => {
  it('takes its status from the catalog unless given one', () => {
    expect(new WizamartError('WZ_VALIDATION', 'bad').status).to.equal(400);
    expect(new WizamartError('WZ_SHOP_GONE', 'gone', { status: 410 }).status).to.equal(410);
    expect(new WizamartError('WZ_SHOP_UNKNOWN', 'x').status).to.equal(500);
  });

  it('serialises to the API error shape without the cause', () => {
    const error = new WizamartError('WZ_NOT_FOUND', 'No such order', { details: { id: 7 }, cause: new Error('secret sql') });
    expect(JSON.parse(JSON.stringify(error))).to.deep.equal({ code: 'WZ_NOT_FOUND', message: 'No such order', details: { id: 7 } });
  });

  it('is recognised across copies of the SDK by shape', () => {
    const foreign = { name: 'WizamartError', code: 'WZ_X_Y', status: 400, message: 'm' };
    expect(isWizamartError(foreign)).to.equal(true);
    expect(isWizamartError(new Error('x'))).to.equal(false);
    expect(isWizamartError(null)).to.equal(false);
  });

  it('uses codes of the WZ_<AREA>_<WHAT> form (WZ_INTERNAL and WZ_VALIDATION, named by the design, are the exceptions)', () => {
    const codes = Object.keys(ERROR_CODES).filter((code) => code !== 'WZ_INTERNAL' && code !== 'WZ_VALIDATION');
    for (const code of codes) expect(code).to.match(/^WZ_[A-Z0-9]+_[A-Z0-9_]+$/);
  });
});
