import { expect } from 'chai';
import { amountFromForm } from './store-pages.routes.js';

describe('payments: refund form amounts', () => {
  it('reads major units into minor units by the currency', () => {
    expect(amountFromForm('12.50', 'EUR')).to.equal(1250);
    expect(amountFromForm('12,5', 'EUR')).to.equal(1250);
    expect(amountFromForm('7', 'EUR')).to.equal(700);
    expect(amountFromForm('0.01', 'EUR')).to.equal(1);
    expect(amountFromForm('1200', 'JPY')).to.equal(1200);
  });

  it('treats an empty field as "everything left" and anything malformed as NaN (refused by the schema)', () => {
    expect(amountFromForm('', 'EUR')).to.equal(undefined);
    expect(amountFromForm(undefined, 'EUR')).to.equal(undefined);
    for (const value of ['1.234', '-5', 'abc', '1e3', '12.5.0']) expect(amountFromForm(value, 'EUR'), value).to.be.NaN;
    expect(amountFromForm('1.5', 'JPY')).to.be.NaN;
  });
});
