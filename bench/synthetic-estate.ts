/**
 * A realistic synthetic estate for the benchmark: each host starts as one of
 * the demo hospital's hosts (so the OS mix is a district general's), keeps its
 * real software list, and is padded to about 300 items the way real machines
 * are: versions of real products drawn from the endoflife.date snapshot
 * (../shared/data/endoflife, a long tail of releases across the estate) and
 * vendor components no rule knows. Deterministic: host n is always the same.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Report, Software } from '../src/contract/report.js';
import { demoReports } from '../src/demo/demo-estate.js';

export const ITEMS_PER_HOST = 300;

const DATA_DIR = path.resolve(import.meta.dirname, '../../shared/data/endoflife');

interface Release {
  cycle: string;
  latest?: string | null;
}

interface Product {
  name: string;
  /** Newest first, as the snapshot lists them. */
  versions: string[];
}

/** Every product in the snapshot with its releases: the pool real software is drawn from. */
function loadProducts(): Product[] {
  return fs.readdirSync(DATA_DIR).filter((f) => f.endsWith('.json')).map((file) => {
    const data = JSON.parse(fs.readFileSync(path.join(DATA_DIR, file), 'utf8')) as { title: string; releases?: Release[] };
    return { name: data.title, versions: (data.releases ?? []).map((r) => (r.latest || r.cycle).trim()).filter(Boolean) };
  }).filter((p) => p.versions.length > 0);
}

/** A small fast PRNG (mulberry32): the same seed gives the same host. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The ICS the estate is spread over (issue 24): ten trusts of unequal size,
 * one large (30 %), a few medium, several small. The first is the hub's own
 * organisation 1, 'TRUST'; MID_TRUST is the mid-size one the per-trust rows read.
 */
export const TRUSTS = [
  { code: 'TRUST', share: 30 }, { code: 'T02', share: 16 }, { code: 'T03', share: 12 }, { code: 'T04', share: 10 }, { code: 'T05', share: 8 },
  { code: 'T06', share: 7 }, { code: 'T07', share: 6 }, { code: 'T08', share: 5 }, { code: 'T09', share: 3 }, { code: 'T10', share: 3 },
] as const;
export const MID_TRUST = 'T04';
/** The largest trust (30% of the hosts): a trust's pages must not grow with the ICS, and this one's grow most with its own size. */
export const LARGEST_TRUST = 'TRUST';

/**
 * Which trust host n belongs to (an index into TRUSTS): every hundred
 * consecutive hosts hold each trust's share, interleaved (37 is coprime with
 * 100), so an estate grown to any size keeps the same proportions.
 */
export function trustOf(n: number): number {
  let slot = (n * 37) % 100;
  return TRUSTS.findIndex((t) => (slot -= t.share) < 0);
}

export interface SyntheticEstate {
  /** The full report for host n (0-based); each `revision` > 0 gives the same 5% of its items a new version, as a week of patching would. */
  host(n: number, revision?: number): Report;
  /** Product releases the snapshot holds. */
  poolSize: number;
  /** The date the estate was built for: the same date builds the same hosts. */
  at: Date;
}

export function syntheticEstate(now: Date): SyntheticEstate {
  const bases = demoReports(now);
  const products = loadProducts();
  return {
    at: now,
    poolSize: products.reduce((n, p) => n + p.versions.length, 0),
    host: (n, revision = 0) => {
      const base = bases[n % bases.length]!;
      const rnd = random(n + 1);
      const source = base.software[0]?.source ?? 'registry';
      const software: Software[] = [...base.software];
      const seen = new Set(software.map((s) => s.name));
      // About 25 real products (of the snapshot's ~90), mostly at a recent release and sometimes an old one, as
      // patching leaves them: the cube skews the pick towards the newest while keeping a long tail across the estate.
      for (let tries = 0; software.length < base.software.length + 25 && tries < 1000; tries++) {
        const p = products[Math.floor(rnd() * products.length)]!;
        if (seen.has(p.name)) continue;
        seen.add(p.name);
        const version = p.versions[Math.floor(rnd() ** 3 * p.versions.length)]!;
        software.push({ name: p.name, version, source: source === 'dpkg' || source === 'rpm' ? 'other' : source, vendor: '' });
      }
      // The rest: drivers, runtimes and vendor tools no rule knows, mostly the same across hosts, some versions drifting.
      for (let i = 0; software.length < ITEMS_PER_HOST; i++) {
        const drift = rnd() < 0.1 ? `.${Math.floor(rnd() * 20)}` : '';
        software.push({ name: `Vendor component ${i % 400}`, version: `${1 + (i % 7)}.${i % 13}.0${drift}`, source, vendor: `Supplier ${i % 40}` });
      }
      // Each revision patches the same ~5% of items to a new version (every 20th), so any two revisions differ by 5%.
      const patched = revision ? software.map((s, i) => (i % 20 === 0 ? { ...s, version: `${s.version}.${revision}` } : s)) : software;
      return { ...base, host: { ...base.host, hostname: `${base.host.hostname}-${n}`, fqdn: undefined }, software: patched };
    },
  };
}
