import { existsSync, lstatSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';

/**
 * Where one build goes before it is published. The served folder (dist) is a symbolic link to a
 * finished build in a folder beside it; publishing replaces that link with one rename, which the
 * operating system does atomically: a request sees the old site or the new one, never a half-written
 * or missing folder.
 */
export interface BuildPlan {
  /** The folder the site is served from (ARCHIVE_OUT_DIR, default dist): a link to the current build. */
  target: string;
  /** Every build, finished or under way, lives here: `.dist-builds` beside `dist`. */
  buildsDir: string;
  /** This build's folder, where `astro build` writes. */
  staging: string;
  /** Written by the last build hook; without it the build did not finish, whatever its exit code. */
  marker: string;
}

export function planBuild(target: string, id: string): BuildPlan {
  const absolute = resolve(target);
  const buildsDir = join(dirname(absolute), `.${basename(absolute)}-builds`);
  return {
    target: absolute,
    buildsDir,
    staging: join(buildsDir, id),
    marker: join(buildsDir, `${id}.complete`),
  };
}

/** The build folder the target links to, if it is such a link. */
export function currentBuild(plan: Pick<BuildPlan, 'target' | 'buildsDir'>): string | undefined {
  if (!isSymlink(plan.target)) return undefined;
  return resolve(dirname(plan.target), readlinkSync(plan.target));
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Remove what earlier, interrupted builds left in the builds folder; the published build stays. */
export function removeLeftovers(plan: BuildPlan): void {
  if (!existsSync(plan.buildsDir)) return;
  const published = currentBuild(plan);
  for (const name of readdirSync(plan.buildsDir)) {
    const path = join(plan.buildsDir, name);
    if (path !== published) rmSync(path, { recursive: true, force: true });
  }
}

/** A failed build: its folder and marker go; the published site is not touched. */
export function discardBuild(plan: BuildPlan): void {
  rmSync(plan.staging, { recursive: true, force: true });
  rmSync(plan.marker, { force: true });
  if (existsSync(plan.buildsDir) && readdirSync(plan.buildsDir).length === 0)
    rmSync(plan.buildsDir, { recursive: true });
}

/**
 * Point the target at the finished build with one rename. The build it replaced stays until the
 * next publish (a request that had already looked up the old link is still reading from it); older
 * ones are deleted. A target that is still a real folder (from before builds were published this way)
 * is moved aside first: the only time the target is briefly missing.
 */
export function publishBuild(plan: BuildPlan): void {
  rmSync(plan.marker, { force: true });
  let previous = currentBuild(plan);
  if (!isSymlink(plan.target) && existsSync(plan.target)) {
    if (!lstatSync(plan.target).isDirectory()) throw new Error(`${plan.target} is a file, not a folder: move it away`);
    previous = join(plan.buildsDir, `${basename(plan.staging)}-previous`);
    renameSync(plan.target, previous);
  }
  const link = join(dirname(plan.target), `.${basename(plan.target)}-${basename(plan.staging)}.link`);
  // A relative link keeps working when the project folder is moved or mounted elsewhere.
  symlinkSync(relative(dirname(plan.target), plan.staging), link, 'dir');
  renameSync(link, plan.target);
  for (const name of readdirSync(plan.buildsDir)) {
    const path = join(plan.buildsDir, name);
    if (path !== plan.staging && path !== previous) rmSync(path, { recursive: true, force: true });
  }
}
