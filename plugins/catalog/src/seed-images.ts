import { encodePng } from './services/png.js';

/** A colour as red, green and blue from 0 to 255. */
export type Rgb = readonly [number, number, number];

/** The two looks of a demo product picture: a soft diagonal gradient with a disc, or diagonal stripes. */
export type DemoImageStyle = 'gradient' | 'stripes';

/** A colour from hue (degrees), saturation and lightness (0–1). */
export function hsl(hue: number, saturation: number, lightness: number): Rgb {
  const a = saturation * Math.min(lightness, 1 - lightness);
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    return Math.round(255 * (lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [channel(0), channel(8), channel(4)];
}

const WHITE: Rgb = [255, 255, 255];

/** `a` blended towards `b` by `t` (0–1), per channel. */
const mix = (a: Rgb, b: Rgb, t: number): Rgb => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
];

function put(pixels: Uint8Array, at: number, a: Rgb, b: Rgb, t: number): void {
  pixels[at] = a[0] + (b[0] - a[0]) * t;
  pixels[at + 1] = a[1] + (b[1] - a[1]) * t;
  pixels[at + 2] = a[2] + (b[2] - a[2]) * t;
}

function stripes(pixels: Uint8Array, colour: Rgb, size: number): void {
  const light = mix(colour, WHITE, 0.55);
  const band = size / 8;
  for (let y = 0; y < size; y++) {
    // Lighter towards the bottom, as if lit from below.
    const shades = [mix(colour, WHITE, (y / size) * 0.25), mix(light, WHITE, (y / size) * 0.25)] as const;
    for (let x = 0; x < size; x++) put(pixels, (y * size + x) * 3, shades[Math.floor((x + y) / band) % 2], WHITE, 0);
  }
}

function gradient(pixels: Uint8Array, colour: Rgb, size: number): void {
  const light = mix(colour, WHITE, 0.55);
  const dark = mix(colour, [0, 0, 0], 0.25);
  // The background depends only on x + y: one shade per diagonal.
  const diagonal = Array.from({ length: 2 * size }, (_, sum) => mix(light, dark, sum / (2 * size)));
  const radius = size * 0.28;
  const [inner, outer] = [(radius - 2) ** 2, (radius + 2) ** 2];
  for (let y = 0; y < size; y++) {
    const dy = (y - size * 0.52) ** 2;
    for (let x = 0; x < size; x++) {
      const squared = (x - size / 2) ** 2 + dy;
      // A disc in the middle stands in for the product; its edge is softened over two pixels.
      const edge =
        squared <= inner ? 1 : squared >= outer ? 0 : Math.min(1, Math.max(0, (radius - Math.sqrt(squared)) / 2));
      put(pixels, (y * size + x) * 3, diagonal[x + y], colour, edge);
    }
  }
}

/** A square PNG picture of a demo product in `colour`, drawn in memory (no network, no image library). */
export function demoImage(colour: Rgb, style: DemoImageStyle, size = 600): Buffer {
  const pixels = new Uint8Array(size * size * 3);
  (style === 'stripes' ? stripes : gradient)(pixels, colour, size);
  return encodePng({ width: size, height: size, pixels });
}
