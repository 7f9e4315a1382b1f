/** The web app manifest and the icons it lists (rendered by src/pages/icons/[icon].png.ts). */
import { ui } from '../../lib/ui-strings.ts';

export interface AppIcon {
  /** File name under /icons/, without .png. */
  readonly name: string;
  readonly size: number;
  /** "any" icons get rounded corners; "maskable" ones are full bleed for the platform to shape. */
  readonly purpose: 'any' | 'maskable';
  /** Listed in the manifest (the Apple touch icon is linked from the page instead). */
  readonly listed: boolean;
}

export const APP_ICONS: readonly AppIcon[] = [
  { name: 'icon-192', size: 192, purpose: 'any', listed: true },
  { name: 'icon-512', size: 512, purpose: 'any', listed: true },
  { name: 'maskable-192', size: 192, purpose: 'maskable', listed: true },
  { name: 'maskable-512', size: 512, purpose: 'maskable', listed: true },
  // iOS rounds the corners itself and ignores the manifest's icons.
  { name: 'apple-touch-icon', size: 180, purpose: 'maskable', listed: false },
];

/** The accent colour (src/styles/global.css); the dark page background for dark mode's browser chrome. */
export const THEME_COLOR = '#a4262c';
export const THEME_COLOR_DARK = '#15161a';
export const BACKGROUND_COLOR = '#fdfcf9';

export const iconUrl = (icon: AppIcon) => `/icons/${icon.name}.png`;

export function webAppManifest() {
  return {
    id: '/',
    name: ui.siteName,
    short_name: ui.offline.shortName,
    description: ui.siteTagline,
    lang: 'zh-CN',
    dir: 'ltr',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: THEME_COLOR,
    background_color: BACKGROUND_COLOR,
    icons: APP_ICONS.filter((icon) => icon.listed).map((icon) => ({
      src: iconUrl(icon),
      sizes: `${icon.size}x${icon.size}`,
      type: 'image/png',
      purpose: icon.purpose,
    })),
  };
}
