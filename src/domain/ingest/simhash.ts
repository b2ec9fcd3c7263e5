/**
 * 64-bit SimHash over character shingles: Han text as overlapping character pairs, other text as
 * lower-case words. Near-identical texts (a wire story reposted with a different headline or a
 * trimmed footer) differ in a few bits; unrelated texts in about 32.
 */

const HAN_RE = /\p{Script=Han}/u;

/** The features a SimHash is built from. */
export function shingles(text: string): string[] {
  const out: string[] = [];
  const normal = text.normalize('NFKC').toLowerCase();
  let prevHan = '';
  for (const token of normal.match(/\p{Script=Han}|[\p{L}\p{N}]+/gu) ?? []) {
    if (HAN_RE.test(token)) {
      if (prevHan) out.push(prevHan + token);
      prevHan = token;
    } else {
      out.push(token);
      prevHan = '';
    }
  }
  return out;
}

/** murmur3's finaliser: spreads every input bit over every output bit. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Two independent 32-bit hashes (FNV-1a, two seeds, mixed) make one 64-bit feature hash without BigInt. */
function hashPair(s: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  return [fmix32(a), fmix32(b ^ 0x5bd1e995)];
}

/** SimHash of a text as 16 hex digits. */
export function simhash(text: string): string {
  const weights = new Array<number>(64).fill(0);
  for (const feature of shingles(text)) {
    const [hi, lo] = hashPair(feature);
    for (let bit = 0; bit < 32; bit++) {
      weights[bit] = (weights[bit] ?? 0) + ((hi >>> bit) & 1 ? 1 : -1);
      weights[bit + 32] = (weights[bit + 32] ?? 0) + ((lo >>> bit) & 1 ? 1 : -1);
    }
  }
  let hi = 0;
  let lo = 0;
  for (let bit = 0; bit < 32; bit++) {
    if ((weights[bit] ?? 0) > 0) hi |= 1 << bit;
    if ((weights[bit + 32] ?? 0) > 0) lo |= 1 << bit;
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

function popcount(x: number): number {
  let n = x - ((x >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Number of differing bits between two SimHashes. */
export function hammingDistance(a: string, b: string): number {
  const x = Number.parseInt(a.slice(0, 8), 16) ^ Number.parseInt(b.slice(0, 8), 16);
  const y = Number.parseInt(a.slice(8), 16) ^ Number.parseInt(b.slice(8), 16);
  return popcount(x >>> 0) + popcount(y >>> 0);
}

/** The four 16-bit quarters: two hashes within 3 bits of each other share at least one (pigeonhole). */
export function simhashBands(hash: string): [string, string, string, string] {
  return [hash.slice(0, 4), hash.slice(4, 8), hash.slice(8, 12), hash.slice(12, 16)];
}
