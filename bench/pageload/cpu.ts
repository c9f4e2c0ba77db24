// CPU time of one Chromium (its browser process and every child: GPU, network service, renderers,
// the extension's process), read from Linux's /proc. Summed per thread from schedstat (nanoseconds
// on the CPU), which is far finer than the 10 ms ticks of /proc/PID/stat: a light page's worth of
// work in the extension's process is a few milliseconds.
import { readFileSync, readdirSync } from 'node:fs';

export type ProcessKind = 'browser' | 'extension' | 'renderer' | 'gpu' | 'network' | 'other';

interface ProcessInfo { pid: number; ppid: number; cmdline: string }

function readText(path: string): string | null {
  try { return readFileSync(path, 'utf8'); } catch { return null; }
}

function processes(): ProcessInfo[] {
  const list: ProcessInfo[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readText(`/proc/${name}/stat`);
    if (stat === null) continue;
    // The command name is in parentheses and may hold spaces: the fields follow the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    list.push({ pid: Number(name), ppid, cmdline: '' });
  }
  return list;
}

function cmdlineOf(pid: number): string {
  return (readText(`/proc/${pid}/cmdline`) ?? '').replaceAll('\0', ' ');
}

function kindOf(cmdline: string): ProcessKind {
  if (!cmdline.includes('--type=')) return 'browser';
  if (cmdline.includes('--extension-process')) return 'extension';
  if (cmdline.includes('--type=renderer')) return 'renderer';
  if (cmdline.includes('--type=gpu-process')) return 'gpu';
  if (cmdline.includes('network.mojom.NetworkService')) return 'network';
  return 'other';
}

/** Nanoseconds on the CPU of every thread of a process (threads that ended are lost: see `cpuOf`). */
function threadsNs(pid: number): number {
  let total = 0;
  let tasks: string[];
  try { tasks = readdirSync(`/proc/${pid}/task`); } catch { return 0; }
  for (const task of tasks) {
    const line = readText(`/proc/${pid}/task/${task}/schedstat`);
    if (line !== null) total += Number(line.split(' ')[0]);
  }
  return total;
}

/** The browser process of the Chromium that uses this profile directory. */
export function browserPid(userDataDir: string): number {
  for (const p of processes()) {
    const cmdline = cmdlineOf(p.pid);
    if (cmdline.includes(`--user-data-dir=${userDataDir}`) && !cmdline.includes('--type=')) return p.pid;
  }
  throw new Error(`no Chromium process with --user-data-dir=${userDataDir}`);
}

export type CpuSample = Map<number, { kind: ProcessKind; ns: number }>;

/** CPU time so far of every process of one Chromium, by pid. */
export function sampleCpu(rootPid: number): CpuSample {
  const all = processes();
  const children = new Map<number, number[]>();
  for (const p of all) {
    const list = children.get(p.ppid);
    if (list === undefined) children.set(p.ppid, [p.pid]); else list.push(p.pid);
  }
  const sample: CpuSample = new Map();
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    sample.set(pid, { kind: kindOf(cmdlineOf(pid)), ns: threadsNs(pid) });
    queue.push(...(children.get(pid) ?? []));
  }
  return sample;
}

/**
 * Milliseconds of CPU between two samples, in all and per kind of process. A process that started
 * in between counts from zero; one that ended is left out (its last interval is lost, as is a
 * thread's that ended: the figures are a floor, the same way for every browser compared).
 */
export function cpuBetween(before: CpuSample, after: CpuSample): { total: number; byKind: Record<ProcessKind, number> } {
  const byKind: Record<ProcessKind, number> = { browser: 0, extension: 0, renderer: 0, gpu: 0, network: 0, other: 0 };
  let total = 0;
  for (const [pid, now] of after) {
    const ms = Math.max(0, now.ns - (before.get(pid)?.ns ?? 0)) / 1e6;
    byKind[now.kind] += ms;
    total += ms;
  }
  return { total, byKind };
}
