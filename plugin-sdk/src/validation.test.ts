import { expect } from 'chai';
import { isWizamartError, type WizamartError } from './errors.js';
import { fieldErrorsOf, fieldMessage } from './field-errors.js';
import { createValidator } from './validation.js';

function thrown(run: () => unknown): WizamartError {
  try {
    run();
  } catch (error) {
    if (isWizamartError(error)) return error;
    throw error;
  }
  return expect.fail('should have thrown');
}

describe('createValidator', () => {
  const parse = createValidator<{ title: string; quantity: number; tags: string[] }>({
    type: 'object',
    additionalProperties: false,
    required: ['title'],
    properties: {
      title: { type: 'string', minLength: 1 },
      quantity: { type: 'integer', minimum: 1, default: 1 },
      tags: { type: 'array', items: { type: 'string' }, default: [] },
    },
  });

  it('returns the value with defaults applied', () => {
    expect(parse({ title: 'Hat' })).to.deep.equal({ title: 'Hat', quantity: 1, tags: [] });
  });

  it('throws 400 WZ_VALIDATION with one field entry per failing path, and a short message naming the fields', () => {
    const error = thrown(() => parse({ quantity: 0, tags: ['a', 3], colour: 'red' }));
    expect(error.code).to.equal('WZ_VALIDATION');
    expect(error.status).to.equal(400);
    expect(error.message).to.equal('Some fields need attention: title, colour, quantity, tags');
    expect(fieldErrorsOf(error).map(({ path, code, message }) => ({ path, code, message }))).to.deep.equal([
      { path: '/title', code: 'required', message: 'This field is required' },
      { path: '/colour', code: 'not_allowed', message: 'This field is not allowed' },
      { path: '/quantity', code: 'too_small', message: 'Must be at least 1' },
      { path: '/tags/1', code: 'bad_type', message: 'Enter a valid value' },
    ]);
    // deprecated, kept for 0.2 readers
    expect((error.details.problems as Array<{ path: string }>).map((p) => p.path).sort()).to.deep.equal([
      '/colour',
      '/quantity',
      '/tags/1',
      '/title',
    ]);
  });

  it('collapses anyOf branches into the one telling error per field and never quotes a pattern', () => {
    const contact = createValidator({
      type: 'object',
      properties: {
        email: { anyOf: [{ type: 'string', format: 'email' }, { type: 'null' }] },
        domain: { type: 'string', pattern: '^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$' },
        count: { type: 'integer', exclusiveMinimum: 0 },
        title: { type: 'string', minLength: 1 },
      },
    });
    const error = thrown(() => contact({ email: 'nope', domain: 'Bad Domain', count: 1.5, title: '' }));
    expect(fieldErrorsOf(error).map(({ path, code }) => `${path} ${code}`)).to.deep.equal([
      '/email bad_format',
      '/domain bad_pattern',
      '/count not_integer',
      '/title required',
    ]);
    expect(fieldErrorsOf(error)[0].message).to.equal('Enter a valid e-mail address');
    expect(JSON.stringify(error.details) + error.message).not.to.match(/must be null|\^\(|anyOf|a-z0-9/);
  });

  it('names an exclusive limit as such', () => {
    const error = thrown(() => createValidator({ type: 'number', exclusiveMinimum: 0 })(0));
    expect(fieldErrorsOf(error)).to.deep.equal([
      { path: '/', code: 'too_small', params: { limit: 0, exclusive: true }, message: 'Must be more than 0' },
    ]);
  });
});

describe('fieldMessage', () => {
  it('speaks the four languages and falls back to English', () => {
    const negative = { code: 'too_small' as const, params: { limit: 0 } };
    expect(['en', 'de', 'fr', 'lb', 'de-LU', 'xx'].map((lang) => fieldMessage(negative, lang))).to.deep.equal([
      'Must be at least 0',
      'Muss mindestens 0 sein',
      'Doit être au moins 0',
      'Muss mindestens 0 sinn',
      'Muss mindestens 0 sein',
      'Must be at least 0',
    ]);
    expect(fieldMessage({ code: 'required' }, 'de')).to.equal('Bitte füllen Sie dieses Feld aus');
    expect(fieldMessage({ code: 'bad_format', params: { format: 'hostname' } }, 'fr')).to.include('nom de domaine');
  });
});
