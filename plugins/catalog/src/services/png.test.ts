import { expect } from 'chai';
import { crc32 as zlibCrc32, inflateSync } from 'node:zlib';
import { demoImage, hsl } from '../seed-images.js';
import { crc32, encodePng } from './png.js';

interface Chunk {
  type: string;
  data: Buffer;
  crc: number;
  crcInput: Buffer;
}

/** Splits a PNG after its signature into chunks, as a decoder reads them. */
function chunks(png: Buffer): Chunk[] {
  const out: Chunk[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    out.push({
      type,
      data: png.subarray(at + 8, at + 8 + length),
      crc: png.readUInt32BE(at + 8 + length),
      crcInput: png.subarray(at + 4, at + 8 + length),
    });
    at += 12 + length;
  }
  return out;
}

/** Undoes the per-row filters (only None and Sub are written by the encoder). */
function unfilter(raw: Buffer, width: number, height: number): Uint8Array {
  const stride = width * 3;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    expect(filter).to.be.oneOf([0, 1]);
    for (let x = 0; x < stride; x++) {
      const left = filter === 1 && x >= 3 ? pixels[y * stride + x - 3] : 0;
      pixels[y * stride + x] = (raw[y * (stride + 1) + 1 + x] + left) & 0xff;
    }
  }
  return pixels;
}

describe('catalog: PNG encoder', () => {
  const width = 7;
  const height = 5;
  const pixels = Uint8Array.from({ length: width * height * 3 }, (_, i) => (i * 37 + 11) % 256);
  const png = encodePng({ width, height, pixels });

  it('writes the PNG signature, then IHDR, IDAT and IEND with valid CRCs', () => {
    expect([...png.subarray(0, 8)]).to.deep.equal([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const parts = chunks(png);
    expect(parts.map((part) => part.type)).to.deep.equal(['IHDR', 'IDAT', 'IEND']);
    for (const part of parts) {
      expect(part.crc, `CRC of ${part.type}`).to.equal(zlibCrc32(part.crcInput));
      expect(crc32(part.crcInput)).to.equal(part.crc);
    }
  });

  it('records the size and 8-bit RGB in IHDR', () => {
    const ihdr = chunks(png)[0].data;
    expect(ihdr.length).to.equal(13);
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4)]).to.deep.equal([width, height]);
    expect([...ihdr.subarray(8)]).to.deep.equal([8, 2, 0, 0, 0]);
  });

  it('decodes back to the same pixels', () => {
    const raw = inflateSync(chunks(png)[1].data);
    expect(raw.length).to.equal((width * 3 + 1) * height);
    expect(Buffer.from(unfilter(raw, width, height)).equals(Buffer.from(pixels))).to.equal(true);
  });

  it('refuses a pixel buffer that does not match the size', () => {
    expect(() => encodePng({ width: 2, height: 2, pixels: new Uint8Array(11) })).to.throw(RangeError);
    expect(() => encodePng({ width: 0, height: 2, pixels: new Uint8Array(0) })).to.throw(RangeError);
  });

  it('draws 600×600 demo pictures in the given colour, small enough to seed quickly', () => {
    const colour = hsl(210, 0.6, 0.5);
    for (const style of ['gradient', 'stripes'] as const) {
      const image = demoImage(colour, style);
      const [ihdr, idat] = chunks(image);
      expect([ihdr.data.readUInt32BE(0), ihdr.data.readUInt32BE(4)]).to.deep.equal([600, 600]);
      const decoded = unfilter(inflateSync(idat.data), 600, 600);
      expect(image.length, `${style} PNG bytes`).to.be.below(60 * 1024);
      // The gradient's disc is the colour itself at the centre.
      if (style === 'gradient')
        expect([...decoded.subarray((312 * 600 + 300) * 3, (312 * 600 + 300) * 3 + 3)]).to.deep.equal([...colour]);
    }
  });
});
