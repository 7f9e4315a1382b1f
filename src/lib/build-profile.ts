import type { AstroIntegration } from 'astro';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The build's stage timer: each stage's wall time, the peak memory of the build process during it
 * (Linux VmHWM, reset at each stage start through /proc/self/clear_refs), the peak of the child
 * processes sampled during it (Pagefind's binary) and what work it did (counters such as share images
 * rendered or taken from the cache). Written as JSON when ARCHIVE_PROFILE names a file (npm run bench
 * sets it). The state lives on globalThis: Astro runs the integrations and the bundled pages in one
 * process but as two copies of this module.
 */
export interface StageProfile {
  name: string;
  /** Milliseconds since the profile started. */
  startMs: number;
  seconds: number;
  /** Resident memory of the build process when the stage began (bytes): what earlier stages still hold. */
  startRssBytes: number | undefined;
  /** Peak resident memory of the build process during the stage (bytes), when /proc allows measuring it. */
  peakRssBytes: number | undefined;
  /** Largest peak resident memory of a child process sampled during the stage (bytes). */
  childPeakBytes: number | undefined;
  /** CPU time (user + system) of the build process during the stage: steadier than wall time on a busy machine. */
  cpuSeconds: number;
  /** CPU time of child processes during the stage (Pagefind's, esbuild's), as far as sampled before they exited. */
  childCpuSeconds: number;
  work: Record<string, number>;
}

export interface BuildProfile {
  startedAt: string;
  stages: StageProfile[];
  /** Peak resident memory of the build process over the whole build (bytes). */
  processPeakRssBytes: number | undefined;
}

interface OpenStage {
  name: string;
  started: number;
  cpu: NodeJS.CpuUsage;
  /** Child pid → its CPU seconds when first seen in the stage (0 when it started during it) and when last sampled. */
  childCpu: Map<number, { first: number; last: number }>;
  startRssBytes: number | undefined;
  childPeakBytes: number | undefined;
  work: Record<string, number>;
}

interface ProfileState {
  origin: number;
  startedAt: string;
  stages: StageProfile[];
  open: OpenStage | undefined;
  processPeakRssBytes: number | undefined;
}

const STATE_KEY = Symbol.for('archive.buildProfile');

function state(): ProfileState {
  const holder = globalThis as typeof globalThis & { [STATE_KEY]?: ProfileState };
  holder[STATE_KEY] ??= {
    origin: performance.timeOrigin,
    startedAt: new Date(performance.timeOrigin).toISOString(),
    stages: [],
    open: undefined,
    processPeakRssBytes: undefined,
  };
  return holder[STATE_KEY];
}

/** A field of /proc/<pid>/status in bytes (VmHWM: peak resident memory), or undefined off Linux or once the process is gone. */
export function procStatusBytes(pid: number | 'self', field: 'VmHWM' | 'VmRSS'): number | undefined {
  try {
    const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'mu').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; undefined off Linux or once it is gone. */
export function procCpuSeconds(pid: number): number | undefined {
  try {
    // Fields after the command name (which may hold spaces, hence from the last ')'): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/** Linux's USER_HZ, which /proc/<pid>/stat counts in (100 on every mainstream build). */
const CLOCK_TICKS = 100;

const cpuSecondsSince = (start: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
};

/** Every live descendant of this process (Linux; empty elsewhere). */
export function childProcessIds(pid: number = process.pid): number[] {
  let direct: number[];
  try {
    direct = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/u).filter(Boolean).map(Number);
  } catch {
    return [];
  }
  return direct.flatMap((child) => [child, ...childProcessIds(child)]);
}

/** Reset this process's peak-memory mark, so the next reading is the peak since now. */
function resetPeak(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Not Linux, or not allowed: the stage peaks then read as the peak so far.
  }
}

const maxOf = (a: number | undefined, b: number | undefined): number | undefined =>
  a === undefined ? b : b === undefined ? a : Math.max(a, b);

function closeStage(s: ProfileState): void {
  const open = s.open;
  if (!open) return;
  const peak = procStatusBytes('self', 'VmHWM');
  s.processPeakRssBytes = maxOf(s.processPeakRssBytes, peak);
  sampleChildPeaks();
  s.stages.push({
    name: open.name,
    startMs: Math.round(open.started - s.origin),
    seconds: (performance.now() + performance.timeOrigin - open.started) / 1000,
    startRssBytes: open.startRssBytes,
    peakRssBytes: peak,
    childPeakBytes: open.childPeakBytes,
    cpuSeconds: cpuSecondsSince(open.cpu),
    childCpuSeconds: [...open.childCpu.values()].reduce((sum, c) => sum + c.last - c.first, 0),
    work: open.work,
  });
  s.open = undefined;
}

/** End the current stage and begin the next: stages follow one another, so every moment of the build is in one. */
export function beginStage(name: string): void {
  const s = state();
  closeStage(s);
  resetPeak();
  const childCpu = new Map<number, { first: number; last: number }>();
  for (const pid of childProcessIds()) {
    const cpu = procCpuSeconds(pid);
    if (cpu !== undefined) childCpu.set(pid, { first: cpu, last: cpu });
  }
  s.open = {
    name,
    started: performance.now() + performance.timeOrigin,
    cpu: process.cpuUsage(),
    childCpu,
    startRssBytes: procStatusBytes('self', 'VmRSS'),
    childPeakBytes: undefined,
    work: {},
  };
}

/** End the current stage (the build's last). */
export function endStage(): void {
  closeStage(state());
}

/** Add to a work counter of the current stage (e.g. share images rendered, pages indexed). */
export function countWork(key: string, amount = 1): void {
  const open = state().open;
  if (open) open.work[key] = (open.work[key] ?? 0) + amount;
}

/** Sample the peak memory of every live child process (call it before a child exits, e.g. before closing Pagefind). */
export function sampleChildPeaks(): void {
  const open = state().open;
  if (!open) return;
  for (const pid of childProcessIds()) {
    open.childPeakBytes = maxOf(open.childPeakBytes, procStatusBytes(pid, 'VmHWM'));
    const cpu = procCpuSeconds(pid);
    if (cpu === undefined) continue;
    const seen = open.childCpu.get(pid);
    open.childCpu.set(pid, { first: seen?.first ?? 0, last: cpu });
  }
}

/** The profile so far. */
export function buildProfile(): BuildProfile {
  const s = state();
  return { startedAt: s.startedAt, stages: [...s.stages], processPeakRssBytes: s.processPeakRssBytes };
}

/** Write the profile to ARCHIVE_PROFILE, when set. */
export function writeBuildProfile(path: string | undefined = process.env.ARCHIVE_PROFILE): void {
  if (!path) return;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(buildProfile(), null, 1)}\n`);
}

/**
 * The build's integrations, between two that mark Astro's own stages: content check, content load
 * (sync), bundling (Vite, MDX compiled), pages (rendered and written, share images among them), then
 * the build:done steps (each integration begins its own stage), and writes the profile at the end.
 */
export function withBuildProfile(integrations: AstroIntegration[]): AstroIntegration[] {
  const first: AstroIntegration = {
    name: 'archive-build-profile',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'build') return;
        beginStage('content check');
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'archive-build-profile',
                // Runs just before Astro's own post buildApp handler, which renders the pages.
                buildApp: {
                  order: 'post',
                  handler: () => Promise.resolve(beginStage('pages (render and write, share images)')),
                },
              },
            ],
          },
        });
      },
      'astro:config:done': () => beginStage('content load (sync)'),
      'astro:build:start': () => beginStage('bundle (Vite, MDX compile)'),
      'astro:build:generated': () => beginStage('sitemap'),
    },
  };
  const last: AstroIntegration = {
    name: 'archive-build-profile-end',
    hooks: {
      'astro:build:done': () => {
        endStage();
        writeBuildProfile();
      },
    },
  };
  return [first, ...integrations, last];
}
