import { deflateSync } from 'node:zlib';

/** An RGB image: `pixels` holds `width × height × 3` bytes, row by row. */
export interface RgbImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (ISO 3309) as PNG chunks carry it. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/**
 * Rows with the PNG "Sub" filter (each byte minus the one a pixel to the left), which turns smooth gradients into runs
 * of small numbers that deflate well.
 */
function filteredRows(image: RgbImage): Buffer {
  const stride = image.width * 3;
  const out = Buffer.alloc((stride + 1) * image.height);
  for (let y = 0; y < image.height; y++) {
    const row = y * stride;
    const at = y * (stride + 1);
    out[at] = 1;
    for (let x = 0; x < stride; x++)
      out[at + 1 + x] = (image.pixels[row + x] - (x >= 3 ? image.pixels[row + x - 3] : 0)) & 0xff;
  }
  return out;
}

/** Encodes an RGB image as an 8-bit truecolour, non-interlaced PNG (signature, IHDR, one IDAT, IEND). */
export function encodePng(image: RgbImage): Buffer {
  if (!Number.isInteger(image.width) || !Number.isInteger(image.height) || image.width < 1 || image.height < 1) {
    throw new RangeError(`invalid PNG size ${image.width}×${image.height}`);
  }
  if (image.pixels.length !== image.width * image.height * 3)
    throw new RangeError('pixel buffer does not match the size');
  const header = Buffer.alloc(13);
  header.writeUInt32BE(image.width, 0);
  header.writeUInt32BE(image.height, 4);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type 2 (RGB), deflate, adaptive filtering, no interlace
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(filteredRows(image), { level: 6 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
