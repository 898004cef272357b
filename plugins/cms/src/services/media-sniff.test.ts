import { expect } from 'chai';
import { sniffImage } from './media-sniff.js';
import { TEST_IMAGES } from '../../test/images.js';

describe('sniffImage', () => {
  it('recognises PNG, JPEG, WebP and GIF by their bytes', async () => {
    expect(await sniffImage(TEST_IMAGES.png)).to.deep.equal({ contentType: 'image/png', extension: 'png' });
    expect(await sniffImage(TEST_IMAGES.jpeg)).to.deep.equal({ contentType: 'image/jpeg', extension: 'jpg' });
    expect(await sniffImage(TEST_IMAGES.webp)).to.deep.equal({ contentType: 'image/webp', extension: 'webp' });
    expect(await sniffImage(TEST_IMAGES.gif)).to.deep.equal({ contentType: 'image/gif', extension: 'gif' });
  });

  for (const [name, bytes] of Object.entries({
    html: TEST_IMAGES.html,
    svg: TEST_IMAGES.svg,
    empty: Buffer.alloc(0),
    pdf: Buffer.from('%PDF-1.7\n%âãÏÓ\n'),
  })) {
    it(`refuses ${name} with WZ_CMS_MEDIA_TYPE_REFUSED`, async () => {
      const error = await sniffImage(bytes).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error).to.include({ code: 'WZ_CMS_MEDIA_TYPE_REFUSED', status: 415 });
    });
  }
});
