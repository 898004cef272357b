import { expect } from 'chai';
import { isWizamartError } from './errors.js';
import { createValidator } from './validation.js';

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

  it('throws 400 WZ_VALIDATION listing every failing path', () => {
    try {
      parse({ quantity: 0, tags: ['a', 3], colour: 'red' });
      expect.fail('should have thrown');
    } catch (error) {
      expect(isWizamartError(error) && error.code).to.equal('WZ_VALIDATION');
      const wz = error as { status: number; details: { problems: Array<{ path: string; message: string }> } };
      expect(wz.status).to.equal(400);
      expect(wz.details.problems.map((p) => p.path).sort()).to.deep.equal(['/colour', '/quantity', '/tags/1', '/title']);
      expect(wz.details.problems.find((p) => p.path === '/title')?.message).to.equal('is required');
    }
  });
});
