import { expect } from 'chai';
import { WizamartError } from './errors.js';
import { fieldErrorsOf, fieldName, validationError } from './field-errors.js';
import { FIELD_MESSAGES } from './field-messages.js';

describe('field errors', () => {
  it('builds a WZ_VALIDATION error from field inputs with English messages filled in', () => {
    const error = validationError([{ path: '/variants/0/price', code: 'too_small', params: { limit: 0 } }]);
    expect(error.status).to.equal(400);
    expect(error.message).to.equal('Some fields need attention: price');
    expect(error.details.fields).to.deep.equal([
      { path: '/variants/0/price', code: 'too_small', params: { limit: 0 }, message: 'Must be at least 0' },
    ]);
  });

  it('reads the older details.problems of errors built by hand', () => {
    const old = new WizamartError('WZ_VALIDATION', 'x', {
      status: 400,
      details: { problems: [{ path: '/a', message: 'is required' }] },
    });
    expect(fieldErrorsOf(old)).to.deep.equal([{ path: '/a', code: 'required', message: 'is required' }]);
    expect(fieldErrorsOf(new Error('x'))).to.deep.equal([]);
  });

  it('names fields without array indexes', () => {
    expect(fieldName('/variants/0/price')).to.equal('price');
    expect(fieldName('/')).to.equal('');
  });

  it('has every message in every language, with the same placeholders', () => {
    for (const [lang, messages] of Object.entries(FIELD_MESSAGES)) {
      expect(Object.keys(messages), lang).to.deep.equal(Object.keys(FIELD_MESSAGES.en));
      for (const [key, text] of Object.entries(messages)) {
        expect(text.match(/\{\w+\}/g), `${lang} ${key}`).to.deep.equal(FIELD_MESSAGES.en[key].match(/\{\w+\}/g));
      }
    }
  });
});
