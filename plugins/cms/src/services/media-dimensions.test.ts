import { expect } from 'chai';
import { TEST_IMAGES } from '../../test/images.js';
import { imageSize } from './media-dimensions.js';

describe('cms: image size from the header', () => {
  it('reads the size of PNG, GIF, JPEG and WebP images', () => {
    expect(imageSize('image/png', TEST_IMAGES.png)).to.deep.equal({ width: 1, height: 1 });
    expect(imageSize('image/gif', TEST_IMAGES.gif)).to.deep.equal({ width: 1, height: 1 });
    expect(imageSize('image/jpeg', TEST_IMAGES.jpeg)).to.deep.equal({ width: 1, height: 1 });
    expect(imageSize('image/webp', TEST_IMAGES.webp)).to.deep.equal({ width: 1, height: 1 });
  });

  it('reads a larger PNG size from IHDR', () => {
    const png = Buffer.from(TEST_IMAGES.png);
    png.writeUInt32BE(640, 16);
    png.writeUInt32BE(480, 20);
    expect(imageSize('image/png', png)).to.deep.equal({ width: 640, height: 480 });
  });

  it('answers undefined for a truncated header instead of throwing', () => {
    expect(imageSize('image/png', TEST_IMAGES.png.subarray(0, 12))).to.equal(undefined);
    expect(imageSize('image/jpeg', TEST_IMAGES.jpeg.subarray(0, 40))).to.equal(undefined);
  });
});
