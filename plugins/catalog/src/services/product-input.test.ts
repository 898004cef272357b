import { expect } from 'chai';
import { isWizamartError } from '@wizamart/plugin-sdk';
import { normaliseProduct } from './product-input.js';
import { slugify } from './slug.js';
import { searchTerms } from './storefront.service.js';

const store = { id: '00000000-0000-4000-8000-000000000001', code: 'fashion', currency: 'EUR' };
const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return isWizamartError(error) ? error.code : String(error);
  }
  return 'no error';
};

describe('catalog product input', () => {
  it('fills the slug from the title and the currency from the store', () => {
    const product = normaliseProduct(store, {
      title: '  Crème Brûlée Tee ',
      variants: [{ sku: ' TEE-1 ', price: 100 }],
    });
    expect(product).to.deep.include({ title: 'Crème Brûlée Tee', slug: 'creme-brulee-tee', status: 'draft' });
    expect(product.variants[0]).to.deep.include({ sku: 'TEE-1', currency: 'EUR', compareAtPrice: null });
  });

  it('wants one variant per combination of listed option values and distinct SKUs', () => {
    const options = [{ name: 'Size', values: ['S', 'M'] }];
    expect(
      codeOf(() =>
        normaliseProduct(store, {
          title: 'x',
          options,
          variants: [{ sku: 'A', price: 1, optionValues: { Size: 'XL' } }],
        }),
      ),
    ).to.equal('WZ_CATALOG_VARIANTS_INVALID');
    expect(codeOf(() => normaliseProduct(store, { title: 'x', options, variants: [{ sku: 'A', price: 1 }] }))).to.equal(
      'WZ_CATALOG_VARIANTS_INVALID',
    );
    expect(
      codeOf(() =>
        normaliseProduct(store, {
          title: 'x',
          options,
          variants: [
            { sku: 'A', price: 1, optionValues: { Size: 'S' } },
            { sku: 'a', price: 1, optionValues: { Size: 'M' } },
          ],
        }),
      ),
    ).to.equal('WZ_CATALOG_VARIANTS_INVALID');
    expect(
      codeOf(() =>
        normaliseProduct(store, {
          title: 'x',
          variants: [
            { sku: 'A', price: 1 },
            { sku: 'B', price: 1 },
          ],
        }),
      ),
    ).to.equal('WZ_CATALOG_VARIANTS_INVALID');
    expect(
      codeOf(() =>
        normaliseProduct(store, {
          title: 'x',
          options: [{ name: 'Size', values: ['S', 's'] }],
          variants: [{ sku: 'A', price: 1, optionValues: { Size: 'S' } }],
        }),
      ),
    ).to.equal('WZ_CATALOG_VARIANTS_INVALID');
    expect(
      codeOf(() =>
        normaliseProduct(store, {
          title: 'x',
          options,
          variants: [
            { sku: 'A', price: 1, optionValues: { Size: 'S' } },
            { sku: 'B', price: 1, optionValues: { Size: 'M' } },
          ],
        }),
      ),
    ).to.equal('no error');
  });

  it('splits searches into plain words, whatever the script', () => {
    expect(searchTerms(" café & !noir | 'x':* ")).to.deep.equal(['café', 'noir', 'x']);
    expect(searchTerms('Ελληνικά 東京')).to.deep.equal(['Ελληνικά', '東京']);
    expect(searchTerms(undefined)).to.deep.equal([]);
    expect(slugify('***')).to.equal('item');
  });

  it('keeps each image once, lower-cased, in the order first given', () => {
    const a = 'AAAAAAAA-0000-4000-8000-000000000001';
    const b = 'bbbbbbbb-0000-4000-8000-000000000002';
    const product = normaliseProduct(store, {
      title: 'Pictured',
      variants: [{ sku: 'P-1', price: 1 }],
      images: [{ mediaId: a, alt: ' Front ' }, { mediaId: b }, { mediaId: a.toLowerCase() }],
    });
    expect(product.images).to.deep.equal([
      { mediaId: a.toLowerCase(), alt: 'Front' },
      { mediaId: b, alt: '' },
    ]);
  });
});
