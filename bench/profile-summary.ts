#!/usr/bin/env node
/**
 * `node bench/profile-summary.ts <file.cpuprofile> [--top 25]`: where a `node --cpu-prof` profile
 * spends its time, as self time per function, and as self and total (inclusive) time per package
 * or project file. Used to find the hot spots behind the benchmark's figures.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const { values, positionals } = parseArgs({
  options: { top: { type: 'string', default: '25' } },
  allowPositionals: true,
});
const top = Number(values.top);
const profile = JSON.parse(readFileSync(positionals[0]!, 'utf8')) as Profile;

/** The package (or project folder) a script belongs to. */
function owner(url: string): string {
  if (!url) return '(native/gc/idle)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return 'node:internal';
  const src = url.indexOf('/src/');
  if (src >= 0) return url.slice(src + 1);
  return url.replace(/^file:\/\//, '');
}

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const selfTime = new Map<number, number>();
profile.samples.forEach((id, index) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
const total = [...selfTime.values()].reduce((sum, value) => sum + value, 0);

const selfByFunction = new Map<string, number>();
const selfByOwner = new Map<string, number>();
const inclusiveByOwner = new Map<string, number>();
for (const [id, time] of selfTime) {
  const node = byId.get(id)!;
  const { functionName, url, lineNumber } = node.callFrame;
  const key = `${functionName || '(anonymous)'}  ${owner(url)}:${lineNumber + 1}`;
  selfByFunction.set(key, (selfByFunction.get(key) ?? 0) + time);
  selfByOwner.set(owner(url), (selfByOwner.get(owner(url)) ?? 0) + time);
  // Inclusive time: count the sample once for each distinct owner on its stack.
  const owners = new Set<string>();
  for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
    owners.add(owner(byId.get(current)!.callFrame.url));
  }
  for (const name of owners) inclusiveByOwner.set(name, (inclusiveByOwner.get(name) ?? 0) + time);
}

const ms = (microseconds: number) =>
  `${(microseconds / 1000).toFixed(0).padStart(7)} ms ${((100 * microseconds) / total).toFixed(1).padStart(5)}%`;
const print = (title: string, map: Map<string, number>) => {
  process.stdout.write(`\n${title}\n`);
  for (const [name, time] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
    process.stdout.write(`${ms(time)}  ${name}\n`);
};
process.stdout.write(`Sampled ${(total / 1000).toFixed(0)} ms\n`);
print('Self time by function', selfByFunction);
print('Self time by package or file', selfByOwner);
print('Total time (including callees) by package or file', inclusiveByOwner);
