import { createRequire } from 'node:module';

/**
 * DejaVu Sans from the dejavu-fonts-ttf package, found the way Node finds packages from this
 * module: from src/ under tests and from dist/chunks/ once bundled, both reach the project's
 * node_modules. A chart never depends on the fonts a machine happens to have.
 */
export const SHIPPED_FONT_FAMILY = 'DejaVu Sans';

/** Regular and bold (titles), so the rasteriser never has to fake a weight or look elsewhere. */
export function shippedFontFiles(): string[] {
  const require = createRequire(import.meta.url);
  return ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
}
