/**
 * One Linux scan by the one-file agent (`--dry-run`: collect, validate, print;
 * nothing sent) against its floor: what no agent can avoid, the package
 * manager's own listing (`dpkg-query -W`, or `rpm -qa`) plus starting a bare
 * Node.js. Measured in pairs (agent, floor, agent, floor…) so that load from
 * other work falls on both sides alike; the median of each side is reported.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildAgent, AGENT_BUNDLE } from '../scripts/build-agent.js';
import { fmt, percentile, record, verdict } from './measure.js';

interface Cost {
  wallS: number;
  cpuS: number;
  rssMb: number;
}

const TIME = '/usr/bin/time';
const PAIRS = 7;

const quote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;

/**
 * Runs the commands one after another, output discarded. Bash's `times` gives
 * the children's user+sys CPU to the millisecond and EPOCHREALTIME the wall to
 * the microsecond (GNU time rounds both to 10 ms, a fifth of the floor); GNU
 * time around the shell gives the peak RSS of the largest of them.
 */
function cost(commands: readonly (readonly string[])[]): Cost {
  const run = commands.map((words) => `${words.map(quote).join(' ')} >/dev/null`).join(' && ');
  const script = `s=$EPOCHREALTIME; ${run} || exit 1; e=$EPOCHREALTIME; echo "ESTATEWATCH_WALL $s $e"; times`;
  const r = spawnSync(TIME, ['-f', 'ESTATEWATCH_RSS %M', 'bash', '-c', script], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
  const wall = /ESTATEWATCH_WALL (\S+) (\S+)/.exec(r.stdout);
  // times: the shell's own user/sys, then its children's: "0m0.117s 0m0.024s".
  const children = [...(r.stdout.trim().split('\n').at(-1) ?? '').matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  const rss = /ESTATEWATCH_RSS (\d+)/.exec(r.stderr);
  if (r.status !== 0 || !wall || children.length !== 2 || !rss) throw new Error(`${run} failed: ${r.stderr.slice(-500)}`);
  return { wallS: Number(wall[2]) - Number(wall[1]), cpuS: children[0]! + children[1]!, rssMb: Number(rss[1]) / 1024 };
}

/**
 * The median of each side over PAIRS alternating runs: robust to a stray slow
 * run from other work on the machine, where the best of a few would flatter
 * whichever side happened to catch a quiet moment. One unmeasured run of each
 * first warms the disk cache, as every nightly scan after the first finds it.
 */
function paired(agent: readonly string[], floor: readonly (readonly string[])[]): { agent: Cost; floor: Cost; agentPeakRssMb: number } {
  cost([agent]);
  cost(floor);
  const agents: Cost[] = [];
  const floors: Cost[] = [];
  for (let i = 0; i < PAIRS; i += 1) {
    agents.push(cost([agent]));
    floors.push(cost(floor));
  }
  const median = (costs: Cost[]): Cost => ({
    wallS: percentile(costs.map((c) => c.wallS), 50),
    cpuS: percentile(costs.map((c) => c.cpuS), 50),
    rssMb: percentile(costs.map((c) => c.rssMb), 50),
  });
  return { agent: median(agents), floor: median(floors), agentPeakRssMb: Math.max(...agents.map((c) => c.rssMb)) };
}

function packageLister(): string[] | undefined {
  const has = (c: string) => spawnSync('sh', ['-c', `command -v ${c}`]).status === 0;
  if (has('dpkg-query')) return ['dpkg-query', '-W'];
  if (has('rpm')) return ['rpm', '-qa'];
  return undefined;
}

export async function benchAgent(): Promise<void> {
  if (!fs.existsSync(TIME) || os.platform() !== 'linux') {
    record({ measure: 'agent scan', value: `not measured: needs Linux and GNU time at ${TIME}` });
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estatewatch-bench-agent-'));
  try {
    await buildAgent(dir);
    const lister = packageLister();
    const node = [process.execPath, '-e', '0'];
    const { agent, floor, agentPeakRssMb } = paired([process.execPath, path.join(dir, AGENT_BUNDLE), '--dry-run', '--priority', 'normal'], lister ? [node, lister] : [node]);
    const floorName = `node -e 0 + ${lister?.[0] ?? 'no package manager'}`;
    const each = `median of ${PAIRS} paired runs, load ${os.loadavg()[0]?.toFixed(2)}`;
    record({ measure: `agent scan (one-file agent --dry-run), CPU, ${each}`, value: `${fmt(agent.cpuS, 3)} s`, floor: `${fmt(floor.cpuS, 3)} s (${floorName})`, ratio: `${fmt(agent.cpuS / floor.cpuS, 2)}×`, target: '≤ 1.5× floor', verdict: verdict(agent.cpuS <= 1.5 * floor.cpuS) });
    record({ measure: 'agent scan, wall', value: `${fmt(agent.wallS, 3)} s`, floor: `${fmt(floor.wallS, 3)} s`, ratio: `${fmt(agent.wallS / floor.wallS, 2)}×`, target: '≤ 1.5× floor', verdict: verdict(agent.wallS <= 1.5 * floor.wallS) });
    record({ measure: `agent scan, peak RSS (highest of ${PAIRS})`, value: `${fmt(agentPeakRssMb, 1)} MB`, floor: `${fmt(floor.rssMb, 1)} MB (node -e 0)`, ratio: `${fmt(agentPeakRssMb / floor.rssMb, 1)}×`, target: '≤ 60 MB', verdict: verdict(agentPeakRssMb <= 60) });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
