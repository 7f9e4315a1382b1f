import sharp from 'sharp';
import type { AppIcon } from './app-manifest.ts';

/** Render one PNG icon from the single SVG source (src/assets/app-icon.svg). */
export async function renderAppIcon(svg: string, icon: AppIcon): Promise<Buffer> {
  const { size } = icon;
  // Render at the target size from the vector, not by scaling a bitmap.
  const image = sharp(Buffer.from(svg), { density: (72 * size) / 512 }).resize(size, size);
  if (icon.purpose === 'maskable') return image.png().toBuffer();
  const radius = Math.round(size * 0.18);
  const corners = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><rect width="${size}" height="${size}" rx="${radius}" fill="#000"/></svg>`,
  );
  return image
    .composite([{ input: corners, blend: 'dest-in' }])
    .png()
    .toBuffer();
}
