/**
 * One Linux scan by the one-file agent (`--dry-run`: collect, validate, print;
 * nothing sent), measured by GNU time: wall, CPU and peak RSS. The floor is
 * what no agent can avoid: the package manager's own listing (`dpkg-query -W`,
 * or `rpm -qa`) plus starting a bare Node.js.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildAgent, AGENT_BUNDLE } from '../scripts/build-agent.js';
import { fmt, record, verdict } from './measure.js';

interface Cost {
  wallS: number;
  cpuS: number;
  rssMb: number;
}

const TIME = '/usr/bin/time';

/** Runs a command under GNU time -f and reads wall, user+sys and max RSS back. */
function cost(cmd: string, args: string[]): Cost {
  const r = spawnSync(TIME, ['-f', 'ESTATEWATCH_COST %e %U %S %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const line = r.stderr.split('\n').find((l) => l.startsWith('ESTATEWATCH_COST'));
  if (r.status !== 0 || !line) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr.slice(-500)}`);
  const [wall, user, sys, rssKb] = line.split(' ').slice(1).map(Number) as [number, number, number, number];
  return { wallS: wall, cpuS: user + sys, rssMb: rssKb / 1024 };
}

/** The best of a few runs: the first pays for a cold disk cache, as no nightly scan does twice. */
function best(cmd: string, args: string[], runs = 3): Cost {
  const all = Array.from({ length: runs }, () => cost(cmd, args));
  return { wallS: Math.min(...all.map((c) => c.wallS)), cpuS: Math.min(...all.map((c) => c.cpuS)), rssMb: Math.min(...all.map((c) => c.rssMb)) };
}

function packageLister(): [string, string[]] | undefined {
  const has = (c: string) => spawnSync('sh', ['-c', `command -v ${c}`]).status === 0;
  if (has('dpkg-query')) return ['dpkg-query', ['-W']];
  if (has('rpm')) return ['rpm', ['-qa']];
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
    const agent = best(process.execPath, [path.join(dir, AGENT_BUNDLE), '--dry-run', '--priority', 'normal']);
    const node = best(process.execPath, ['-e', '0']);
    const lister = packageLister();
    const list = lister ? best(...lister) : { wallS: 0, cpuS: 0, rssMb: 0 };
    const floorCpu = node.cpuS + list.cpuS;
    const floorWall = node.wallS + list.wallS;
    const floorName = `node -e 0 + ${lister?.[0] ?? 'no package manager'}`;
    record({ measure: 'agent scan (one-file agent --dry-run), CPU', value: `${fmt(agent.cpuS, 2)} s`, floor: `${fmt(floorCpu, 2)} s (${floorName})`, ratio: `${fmt(agent.cpuS / floorCpu, 1)}×`, target: '≤ 1.5× floor', verdict: verdict(agent.cpuS <= 1.5 * floorCpu) });
    record({ measure: 'agent scan, wall', value: `${fmt(agent.wallS, 2)} s`, floor: `${fmt(floorWall, 2)} s`, ratio: `${fmt(agent.wallS / floorWall, 1)}×`, target: '≤ 1.5× floor', verdict: verdict(agent.wallS <= 1.5 * floorWall) });
    record({ measure: 'agent scan, peak RSS', value: `${fmt(agent.rssMb)} MB`, floor: `${fmt(node.rssMb)} MB (node -e 0)`, ratio: `${fmt(agent.rssMb / node.rssMb, 1)}×`, target: '≤ 60 MB', verdict: verdict(agent.rssMb <= 60) });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
