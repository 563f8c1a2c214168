import { PNG } from 'pngjs';

/**
 * A small real PNG whose bytes are no valid UTF-8 (0x89 first, zeros, 0xff): a file that reached
 * its recipient through a text decoding would not decode again. Each pixel differs, so a PNG that
 * decodes with the same pixels went through byte for byte.
 */
export function tinyPng(width = 5, height = 3): Buffer {
  const png = new PNG({ width, height });
  for (let index = 0; index < width * height; index += 1) {
    png.data.set([(index * 53) % 256, 255 - ((index * 29) % 256), index % 2 === 0 ? 0 : 255, 255], index * 4);
  }
  return PNG.sync.write(png);
}

/** Width, height and pixels, to compare a received image with the one sent. */
export function pixelsOf(bytes: Uint8Array): { width: number; height: number; data: number[] } {
  const png = PNG.sync.read(Buffer.from(bytes));
  return { width: png.width, height: png.height, data: [...png.data] };
}
