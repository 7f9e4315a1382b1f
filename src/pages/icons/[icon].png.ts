import type { APIRoute, GetStaticPaths } from 'astro';
import iconSvg from '../../assets/app-icon.svg?raw';
import { APP_ICONS, type AppIcon } from '../../offline/build/app-manifest.ts';
import { renderAppIcon } from '../../offline/build/app-icons.ts';

export const getStaticPaths = (() =>
  APP_ICONS.map((icon) => ({ params: { icon: icon.name }, props: { icon } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ icon: AppIcon }> = async ({ props }) =>
  new Response(new Uint8Array(await renderAppIcon(iconSvg, props.icon)), { headers: { 'Content-Type': 'image/png' } });
