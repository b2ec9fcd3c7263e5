
/**
 * Demo photos, drawn locally: each is a layered SVG landscape (sky, hills, water, buildings,
 * trees…) rendered to JPEG by sharp. Everything is seeded, so the same key always gives the same
 * bytes, and no text is drawn (the machine may have no CJK fonts).
 */

type Layer =
  | { type: 'sky'; top: string; bottom: string }
  | { type: 'sun'; x: number; y: number; r: number; color: string; glow: string }
  | { type: 'clouds'; count: number; color: string; opacity: number; band: [number, number] }
  | { type: 'hills'; base: number; amp: number; color: string; waves?: number; opacity?: number }
  | { type: 'water'; top: number; color: string; deep: string; shimmer: string; sunX?: number }
  | { type: 'city'; base: number; count: number; minH: number; maxH: number; colors: string[]; window: string; lit?: string; litShare?: number }
  | { type: 'terraces'; top: number; colors: string[]; bands: number }
  | { type: 'trees'; base: number; count: number; color: string; trunk: string; kind: 'pine' | 'round'; size: number; from?: number; to?: number }
  | { type: 'road'; color: string; line: string; vanishX: number; vanishY: number }
  | { type: 'bridge'; deck: number; color: string; arches: number }
  | { type: 'boats'; count: number; top: number; bottom: number; hull: string; sail: string }
  | { type: 'birds'; count: number; color: string; band: [number, number] }
  | { type: 'reeds'; count: number; color: string; height: number }
  | { type: 'mist'; top: number; bottom: number; color: string; opacity: number }
  | { type: 'roofs'; base: number; count: number; wall: string; roof: string }
  | { type: 'track'; y: number; rail: string; train: string; stripe: string }
  | { type: 'flowers'; top: number; colors: string[]; count: number }
  | { type: 'panels'; top: number; rows: number; color: string; frame: string };

export interface DemoImageSpec {
  key: string;
  seed: number;
  width: number;
  height: number;
  layers: Layer[];
  caption: string;
  credit: string;
  alt: string;
}

/** A small, fast, seeded PRNG (mulberry32). */
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

const r1 = (n: number) => Math.round(n * 10) / 10;

export function demoImageSvg(spec: DemoImageSpec): string {
  const { width: W, height: H } = spec;
  const rand = random(spec.seed);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(rand() * list.length) % list.length] as T;
  const defs: string[] = [];
  const out: string[] = [];
  let gradientId = 0;
  const gradient = (top: string, bottom: string, opacityTop = 1, opacityBottom = 1) => {
    const id = `g${gradientId++}`;
    defs.push(
      `<linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}" stop-opacity="${opacityTop}"/><stop offset="1" stop-color="${bottom}" stop-opacity="${opacityBottom}"/></linearGradient>`,
    );
    return `url(#${id})`;
  };
  const ridge = (base: number, amp: number, waves: number) => {
    const phases = [rand() * 6.28, rand() * 6.28, rand() * 6.28];
    const steps = 48;
    const pts: string[] = [];
    for (let i = 0; i <= steps; i++) {
      const x = (i / steps) * W;
      const t = (i / steps) * Math.PI * 2;
      const n =
        Math.sin(t * waves + (phases[0] ?? 0)) * 0.55 +
        Math.sin(t * waves * 2.3 + (phases[1] ?? 0)) * 0.3 +
        Math.sin(t * waves * 5.1 + (phases[2] ?? 0)) * 0.15;
      pts.push(`${r1(x)},${r1(base * H - amp * H * (0.5 + n / 2))}`);
    }
    return pts;
  };

  for (const layer of spec.layers) {
    switch (layer.type) {
      case 'sky':
        out.push(`<rect width="${W}" height="${H}" fill="${gradient(layer.top, layer.bottom)}"/>`);
        break;
      case 'sun': {
        const id = `s${gradientId++}`;
        defs.push(
          `<radialGradient id="${id}"><stop offset="0" stop-color="${layer.glow}" stop-opacity="0.8"/><stop offset="1" stop-color="${layer.glow}" stop-opacity="0"/></radialGradient>`,
        );
        const cx = layer.x * W;
        const cy = layer.y * H;
        out.push(`<circle cx="${r1(cx)}" cy="${r1(cy)}" r="${r1(layer.r * W * 3)}" fill="url(#${id})"/>`);
        out.push(`<circle cx="${r1(cx)}" cy="${r1(cy)}" r="${r1(layer.r * W)}" fill="${layer.color}"/>`);
        break;
      }
      case 'clouds':
        for (let i = 0; i < layer.count; i++) {
          const cx = rand() * W;
          const cy = (layer.band[0] + rand() * (layer.band[1] - layer.band[0])) * H;
          const w = W * (0.08 + rand() * 0.12);
          const parts = 3 + Math.floor(rand() * 3);
          const blobs: string[] = [];
          for (let j = 0; j < parts; j++) {
            const dx = (j / (parts - 1) - 0.5) * w;
            blobs.push(`<ellipse cx="${r1(cx + dx)}" cy="${r1(cy - rand() * w * 0.12)}" rx="${r1(w * (0.25 + rand() * 0.15))}" ry="${r1(w * (0.1 + rand() * 0.08))}"/>`);
          }
          out.push(`<g fill="${layer.color}" opacity="${layer.opacity}">${blobs.join('')}</g>`);
        }
        break;
      case 'hills': {
        const pts = ridge(layer.base, layer.amp, layer.waves ?? 1.5);
        out.push(`<polygon points="0,${H} ${pts.join(' ')} ${W},${H}" fill="${layer.color}" opacity="${layer.opacity ?? 1}"/>`);
        break;
      }
      case 'water': {
        const top = layer.top * H;
        out.push(`<rect x="0" y="${r1(top)}" width="${W}" height="${r1(H - top)}" fill="${gradient(layer.color, layer.deep)}"/>`);
        const lines: string[] = [];
        for (let i = 0; i < 70; i++) {
          const y = top + Math.pow(rand(), 1.6) * (H - top);
          const near = layer.sunX !== undefined && rand() < 0.6;
          const cx = near ? (layer.sunX ?? 0.5) * W + (rand() - 0.5) * W * 0.12 : rand() * W;
          const len = W * (0.02 + rand() * 0.08) * (1 + (y - top) / H);
          lines.push(`<rect x="${r1(cx - len / 2)}" y="${r1(y)}" width="${r1(len)}" height="${r1(1.5 + (y - top) / H * 4)}" rx="2"/>`);
        }
        out.push(`<g fill="${layer.shimmer}" opacity="0.35">${lines.join('')}</g>`);
        break;
      }
      case 'city': {
        const base = layer.base * H;
        let x = -20;
        const step = W / layer.count;
        const parts: string[] = [];
        while (x < W) {
          const w = step * (0.7 + rand() * 0.8);
          const h = (layer.minH + rand() * (layer.maxH - layer.minH)) * H;
          const color = pick(layer.colors);
          parts.push(`<rect x="${r1(x)}" y="${r1(base - h)}" width="${r1(w)}" height="${r1(h)}" fill="${color}"/>`);
          const cols = Math.max(2, Math.floor(w / 16));
          const rows = Math.max(2, Math.floor(h / 22));
          for (let c = 0; c < cols; c++) {
            for (let r = 0; r < rows; r++) {
              if (rand() < 0.35) continue;
              const lit = layer.lit && rand() < (layer.litShare ?? 0.3);
              parts.push(
                `<rect x="${r1(x + 5 + c * ((w - 10) / cols))}" y="${r1(base - h + 8 + r * ((h - 12) / rows))}" width="${r1((w - 10) / cols - 4)}" height="${r1((h - 12) / rows - 7)}" fill="${lit ? layer.lit : layer.window}"/>`,
              );
            }
          }
          x += w + rand() * step * 0.15;
        }
        out.push(`<g>${parts.join('')}</g>`);
        break;
      }
      case 'terraces': {
        const top = layer.top * H;
        const band = (H - top) / layer.bands;
        for (let i = 0; i < layer.bands; i++) {
          const y0 = top + i * band;
          const pts = [`0,${r1(y0 + rand() * band * 0.4)}`];
          for (let k = 1; k <= 8; k++) pts.push(`${r1((k / 8) * W)},${r1(y0 + Math.sin(k * 0.9 + i) * band * 0.35 + rand() * band * 0.2)}`);
          out.push(`<polygon points="${pts.join(' ')} ${W},${H} 0,${H}" fill="${layer.colors[i % layer.colors.length] ?? '#6a8f3a'}"/>`);
        }
        break;
      }
      case 'trees': {
        const parts: string[] = [];
        const from = (layer.from ?? 0) * W;
        const to = (layer.to ?? 1) * W;
        for (let i = 0; i < layer.count; i++) {
          const x = from + rand() * (to - from);
          const s = layer.size * H * (0.7 + rand() * 0.6);
          const y = layer.base * H + rand() * H * 0.03;
          parts.push(`<rect x="${r1(x - s * 0.05)}" y="${r1(y - s * 0.35)}" width="${r1(s * 0.1)}" height="${r1(s * 0.35)}" fill="${layer.trunk}"/>`);
          if (layer.kind === 'pine') {
            parts.push(`<polygon points="${r1(x)},${r1(y - s * 1.2)} ${r1(x - s * 0.32)},${r1(y - s * 0.3)} ${r1(x + s * 0.32)},${r1(y - s * 0.3)}" fill="${layer.color}"/>`);
          } else {
            parts.push(`<circle cx="${r1(x)}" cy="${r1(y - s * 0.6)}" r="${r1(s * 0.35)}" fill="${layer.color}"/>`);
          }
        }
        out.push(`<g>${parts.join('')}</g>`);
        break;
      }
      case 'road': {
        const vx = layer.vanishX * W;
        const vy = layer.vanishY * H;
        out.push(`<polygon points="${r1(vx - 6)},${r1(vy)} ${r1(vx + 6)},${r1(vy)} ${r1(W * 0.85)},${H} ${r1(W * 0.15)},${H}" fill="${layer.color}"/>`);
        const dashes: string[] = [];
        for (let i = 0; i < 12; i++) {
          const t0 = Math.pow(i / 12, 1.8);
          const t1 = Math.pow((i + 0.5) / 12, 1.8);
          const xa = vx + (W * 0.5 - vx) * t0;
          const xb = vx + (W * 0.5 - vx) * t1;
          const ya = vy + (H - vy) * t0;
          const yb = vy + (H - vy) * t1;
          const wa = 1 + t0 * 10;
          const wb = 1 + t1 * 10;
          dashes.push(`<polygon points="${r1(xa - wa)},${r1(ya)} ${r1(xa + wa)},${r1(ya)} ${r1(xb + wb)},${r1(yb)} ${r1(xb - wb)},${r1(yb)}"/>`);
        }
        out.push(`<g fill="${layer.line}">${dashes.join('')}</g>`);
        break;
      }
      case 'bridge': {
        const y = layer.deck * H;
        const span = W / layer.arches;
        let d = `M0,${r1(y + 18)}`;
        for (let i = 0; i < layer.arches; i++) {
          const x0 = i * span;
          d += ` L${r1(x0 + span * 0.1)},${r1(y + 18)} L${r1(x0 + span * 0.1)},${r1(y + H * 0.12)} Q${r1(x0 + span * 0.5)},${r1(y + 18)} ${r1(x0 + span * 0.9)},${r1(y + H * 0.12)} L${r1(x0 + span * 0.9)},${r1(y + 18)}`;
        }
        d += ` L${W},${r1(y + 18)} L${W},${r1(y)} L0,${r1(y)} Z`;
        out.push(`<path d="${d}" fill="${layer.color}"/>`);
        const posts: string[] = [];
        for (let x = 10; x < W; x += 36) posts.push(`<rect x="${x}" y="${r1(y - 14)}" width="4" height="14"/>`);
        out.push(`<g fill="${layer.color}">${posts.join('')}<rect x="0" y="${r1(y - 16)}" width="${W}" height="3"/></g>`);
        break;
      }
      case 'boats': {
        const parts: string[] = [];
        for (let i = 0; i < layer.count; i++) {
          const yy = (layer.top + rand() * (layer.bottom - layer.top)) * H;
          const s = 20 + ((yy / H - layer.top) / (layer.bottom - layer.top)) * 50;
          const x = rand() * W;
          parts.push(`<polygon points="${r1(x - s)},${r1(yy)} ${r1(x + s)},${r1(yy)} ${r1(x + s * 0.7)},${r1(yy + s * 0.3)} ${r1(x - s * 0.7)},${r1(yy + s * 0.3)}" fill="${layer.hull}"/>`);
          if (rand() < 0.6) parts.push(`<polygon points="${r1(x)},${r1(yy - s * 1.3)} ${r1(x)},${r1(yy - 2)} ${r1(x + s * 0.8)},${r1(yy - 2)}" fill="${layer.sail}"/>`);
          else parts.push(`<rect x="${r1(x - s * 0.4)}" y="${r1(yy - s * 0.35)}" width="${r1(s * 0.8)}" height="${r1(s * 0.35)}" fill="${layer.sail}"/>`);
        }
        out.push(`<g>${parts.join('')}</g>`);
        break;
      }
      case 'birds': {
        const parts: string[] = [];
        for (let i = 0; i < layer.count; i++) {
          const x = rand() * W;
          const y = (layer.band[0] + rand() * (layer.band[1] - layer.band[0])) * H;
          const s = 6 + rand() * 10;
          parts.push(`<path d="M${r1(x - s)},${r1(y - s * 0.4)} Q${r1(x - s * 0.5)},${r1(y - s * 0.6)} ${r1(x)},${r1(y)} Q${r1(x + s * 0.5)},${r1(y - s * 0.6)} ${r1(x + s)},${r1(y - s * 0.4)}"/>`);
        }
        out.push(`<g fill="none" stroke="${layer.color}" stroke-width="2.5" stroke-linecap="round">${parts.join('')}</g>`);
        break;
      }
      case 'reeds': {
        const parts: string[] = [];
        for (let i = 0; i < layer.count; i++) {
          const x = rand() * W;
          const h = layer.height * H * (0.5 + rand() * 0.7);
          const lean = (rand() - 0.5) * 40;
          parts.push(`<path d="M${r1(x)},${H} Q${r1(x + lean * 0.3)},${r1(H - h * 0.5)} ${r1(x + lean)},${r1(H - h)}"/>`);
        }
        out.push(`<g fill="none" stroke="${layer.color}" stroke-width="3">${parts.join('')}</g>`);
        break;
      }
      case 'mist':
        out.push(
          `<rect x="0" y="${r1(layer.top * H)}" width="${W}" height="${r1((layer.bottom - layer.top) * H)}" fill="${gradient(layer.color, layer.color, 0, layer.opacity)}"/>`,
        );
        break;
      case 'roofs': {
        const base = layer.base * H;
        const parts: string[] = [];
        let x = -30;
        const step = W / layer.count;
        while (x < W) {
          const w = step * (0.8 + rand() * 0.5);
          const h = H * (0.08 + rand() * 0.07);
          const y = base - rand() * H * 0.04;
          parts.push(`<rect x="${r1(x)}" y="${r1(y - h)}" width="${r1(w)}" height="${r1(h + H * 0.05)}" fill="${layer.wall}"/>`);
          parts.push(`<polygon points="${r1(x - w * 0.08)},${r1(y - h)} ${r1(x + w * 0.5)},${r1(y - h - H * 0.06)} ${r1(x + w * 1.08)},${r1(y - h)}" fill="${layer.roof}"/>`);
          parts.push(`<rect x="${r1(x + w * 0.4)}" y="${r1(y - h * 0.6)}" width="${r1(w * 0.2)}" height="${r1(h * 0.6)}" fill="${layer.roof}" opacity="0.8"/>`);
          x += w + step * 0.1;
        }
        out.push(`<g>${parts.join('')}</g>`);
        break;
      }
      case 'track': {
        const y = layer.y * H;
        out.push(`<rect x="0" y="${r1(y)}" width="${W}" height="${r1(H * 0.025)}" fill="${layer.rail}"/>`);
        const carW = W * 0.16;
        const start = W * (0.05 + rand() * 0.1);
        const cars: string[] = [];
        for (let i = 0; i < 5; i++) {
          const x = start + i * (carW + 6);
          cars.push(`<rect x="${r1(x)}" y="${r1(y - H * 0.07)}" width="${r1(carW)}" height="${r1(H * 0.07)}" rx="${i === 4 ? 40 : 6}" fill="${layer.train}"/>`);
          cars.push(`<rect x="${r1(x)}" y="${r1(y - H * 0.045)}" width="${r1(carW)}" height="${r1(H * 0.012)}" fill="${layer.stripe}"/>`);
          for (let k = 0; k < 6; k++) cars.push(`<rect x="${r1(x + 12 + k * (carW - 24) / 6)}" y="${r1(y - H * 0.063)}" width="${r1((carW - 24) / 6 - 8)}" height="${r1(H * 0.014)}" fill="#2b3440"/>`);
        }
        out.push(`<g>${cars.join('')}</g>`);
        break;
      }
      case 'flowers': {
        const top = layer.top * H;
        const parts: string[] = [];
        for (let i = 0; i < layer.count; i++) {
          const y = top + Math.pow(rand(), 0.7) * (H - top);
          const s = 2 + ((y - top) / (H - top)) * 9;
          parts.push(`<circle cx="${r1(rand() * W)}" cy="${r1(y)}" r="${r1(s)}" fill="${pick(layer.colors)}"/>`);
        }
        out.push(`<g>${parts.join('')}</g>`);
        break;
      }
      case 'panels': {
        const top = layer.top * H;
        const rowH = (H - top) / layer.rows;
        const parts: string[] = [];
        for (let r = 0; r < layer.rows; r++) {
          const y = top + r * rowH + rowH * 0.15;
          const ph = rowH * 0.6;
          const pw = 40 + r * 18;
          for (let x = -rand() * pw; x < W; x += pw + 8) {
            parts.push(`<polygon points="${r1(x)},${r1(y + ph)} ${r1(x + pw)},${r1(y + ph)} ${r1(x + pw * 0.9)},${r1(y)} ${r1(x + pw * 0.1)},${r1(y)}" fill="${layer.color}" stroke="${layer.frame}" stroke-width="2"/>`);
          }
        }
        out.push(`<g>${parts.join('')}</g>`);
        break;
      }
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}"><defs>${defs.join('')}</defs>${out.join('')}</svg>`;
}

export async function renderDemoImage(spec: DemoImageSpec): Promise<Buffer> {
  const sharp = (await import('sharp')).default;
  return sharp(Buffer.from(demoImageSvg(spec))).jpeg({ quality: 84 }).toBuffer();
}

const W = 1200;
const H = 800;

/** The demo photo library: keys are referenced by the demo articles. */
export const DEMO_IMAGES: readonly DemoImageSpec[] = [
  {
    key: 'lake-dawn',
    seed: 11,
    width: W,
    height: H,
    caption: '清晨的临湖湖面薄雾初散,远山层叠。',
    credit: '临湖网记者 张文博 摄',
    alt: '清晨湖面与远处层叠的山峦',
    layers: [
      { type: 'sky', top: '#f6c89f', bottom: '#fde9d2' },
      { type: 'sun', x: 0.68, y: 0.42, r: 0.035, color: '#fff3d6', glow: '#ffd49a' },
      { type: 'clouds', count: 5, color: '#ffffff', opacity: 0.55, band: [0.1, 0.3] },
      { type: 'hills', base: 0.55, amp: 0.16, color: '#a9a6b8', waves: 1.2 },
      { type: 'hills', base: 0.58, amp: 0.1, color: '#7f8aa0', waves: 2 },
      { type: 'water', top: 0.58, color: '#c9b7b0', deep: '#5d6f86', shimmer: '#fff4e0', sunX: 0.68 },
      { type: 'mist', top: 0.45, bottom: 0.62, color: '#ffffff', opacity: 0.5 },
      { type: 'boats', count: 2, top: 0.66, bottom: 0.8, hull: '#3b3a40', sail: '#4a4850' },
      { type: 'birds', count: 6, color: '#55505a', band: [0.2, 0.35] },
    ],
  },
  {
    key: 'city-skyline',
    seed: 23,
    width: W,
    height: H,
    caption: '临湖市湖滨新区城市天际线。',
    credit: '临湖网记者 李思源 摄',
    alt: '湖边高楼林立的城市天际线',
    layers: [
      { type: 'sky', top: '#5b9bd5', bottom: '#d8ecfa' },
      { type: 'clouds', count: 7, color: '#ffffff', opacity: 0.8, band: [0.08, 0.35] },
      { type: 'hills', base: 0.6, amp: 0.1, color: '#8fb0c4', waves: 1 },
      { type: 'city', base: 0.64, count: 22, minH: 0.12, maxH: 0.42, colors: ['#7d8ea3', '#96a6b8', '#6a7b90', '#a8b5c4'], window: '#c9dcec' },
      { type: 'water', top: 0.64, color: '#6f9fc0', deep: '#2f5a7c', shimmer: '#ffffff' },
      { type: 'boats', count: 3, top: 0.7, bottom: 0.9, hull: '#f2f2f2', sail: '#d64541' },
    ],
  },
  {
    key: 'night-city',
    seed: 37,
    width: W,
    height: H,
    caption: '夜幕下的临湖城区灯火璀璨。',
    credit: '临湖网记者 王一鸣 摄',
    alt: '夜晚亮灯的城区高楼和湖面倒影',
    layers: [
      { type: 'sky', top: '#0b1533', bottom: '#36406b' },
      { type: 'sun', x: 0.18, y: 0.18, r: 0.02, color: '#f5f1dc', glow: '#9fa9d8' },
      { type: 'city', base: 0.66, count: 18, minH: 0.15, maxH: 0.5, colors: ['#1a2140', '#232b4f', '#151a33'], window: '#2c3560', lit: '#ffd37a', litShare: 0.55 },
      { type: 'water', top: 0.66, color: '#27305a', deep: '#0a0f24', shimmer: '#ffcf70' },
    ],
  },
  {
    key: 'tea-terraces',
    seed: 41,
    width: W,
    height: H,
    caption: '青溪县山区茶园层层叠叠,茶农正在采摘春茶。',
    credit: '临湖网记者 陈晓峰 摄',
    alt: '山坡上层层叠叠的茶园梯田',
    layers: [
      { type: 'sky', top: '#9cc9e8', bottom: '#e8f4ea' },
      { type: 'clouds', count: 4, color: '#ffffff', opacity: 0.85, band: [0.05, 0.2] },
      { type: 'hills', base: 0.42, amp: 0.2, color: '#7da37a', waves: 1.4 },
      { type: 'mist', top: 0.25, bottom: 0.45, color: '#f4fbf4', opacity: 0.6 },
      { type: 'terraces', top: 0.45, bands: 9, colors: ['#4f8a3a', '#6aa04a', '#3f7a31', '#78ad55'] },
      { type: 'trees', base: 0.46, count: 10, color: '#2f5e2a', trunk: '#4a3a2a', kind: 'round', size: 0.07, from: 0.6, to: 1 },
    ],
  },
  {
    key: 'rapeseed',
    seed: 53,
    width: W,
    height: H,
    caption: '白沙县万亩油菜花竞相绽放,吸引游客踏青赏花。',
    credit: '临湖网通讯员 刘春华 摄',
    alt: '金黄的油菜花田和远处的村庄',
    layers: [
      { type: 'sky', top: '#76b6e6', bottom: '#e5f2fb' },
      { type: 'clouds', count: 6, color: '#ffffff', opacity: 0.9, band: [0.05, 0.3] },
      { type: 'hills', base: 0.5, amp: 0.12, color: '#8db38a', waves: 1.1 },
      { type: 'roofs', base: 0.55, count: 9, wall: '#f1ede4', roof: '#5a5f66' },
      { type: 'terraces', top: 0.55, bands: 5, colors: ['#e8c930', '#f2d43e', '#d9b924'] },
      { type: 'flowers', top: 0.58, count: 420, colors: ['#ffe14d', '#f7cf2a', '#fff07a', '#6f9a3a'] },
    ],
  },
  {
    key: 'bridge-river',
    seed: 67,
    width: W,
    height: H,
    caption: '建设中的澄河大桥主体结构已经合龙。',
    credit: '临湖网记者 赵磊 摄',
    alt: '横跨河面的多孔拱桥',
    layers: [
      { type: 'sky', top: '#8fb8d8', bottom: '#f0f0e8' },
      { type: 'clouds', count: 5, color: '#ffffff', opacity: 0.7, band: [0.05, 0.3] },
      { type: 'hills', base: 0.5, amp: 0.09, color: '#98a99a', waves: 1.6 },
      { type: 'city', base: 0.52, count: 30, minH: 0.04, maxH: 0.14, colors: ['#b3b7b5', '#a2a8a6'], window: '#d5dbe0' },
      { type: 'water', top: 0.52, color: '#8aa7a8', deep: '#3d5b60', shimmer: '#ffffff' },
      { type: 'bridge', deck: 0.5, color: '#5c5d62', arches: 6 },
      { type: 'boats', count: 2, top: 0.75, bottom: 0.9, hull: '#6b4a2f', sail: '#d8cdb8' },
    ],
  },
  {
    key: 'highway',
    seed: 79,
    width: W,
    height: H,
    caption: '临青快速路沿线视野开阔,车辆通行顺畅。',
    credit: '临湖网记者 孙浩然 摄',
    alt: '穿过田野通向远山的公路',
    layers: [
      { type: 'sky', top: '#4f93d1', bottom: '#cfe6f6' },
      { type: 'clouds', count: 8, color: '#ffffff', opacity: 0.85, band: [0.05, 0.35] },
      { type: 'hills', base: 0.46, amp: 0.1, color: '#7c9bb0', waves: 1 },
      { type: 'hills', base: 0.5, amp: 0.06, color: '#6b9a5a', waves: 2.2 },
      { type: 'terraces', top: 0.5, bands: 4, colors: ['#7eae52', '#93bd5c', '#6d9c47'] },
      { type: 'road', color: '#4d4f54', line: '#f4f1e8', vanishX: 0.52, vanishY: 0.5 },
      { type: 'trees', base: 0.52, count: 14, color: '#3c6e34', trunk: '#4a3a2a', kind: 'round', size: 0.06, from: 0, to: 0.35 },
    ],
  },
  {
    key: 'high-speed-rail',
    seed: 83,
    width: W,
    height: H,
    caption: '一列动车组列车驶过临湖东站附近的田野。',
    credit: '临湖网记者 孙浩然 摄',
    alt: '高架桥上行驶的白色动车组列车',
    layers: [
      { type: 'sky', top: '#9fc4e4', bottom: '#f2efe6' },
      { type: 'clouds', count: 5, color: '#ffffff', opacity: 0.8, band: [0.05, 0.25] },
      { type: 'hills', base: 0.5, amp: 0.14, color: '#8aa1a8', waves: 1.3 },
      { type: 'terraces', top: 0.6, bands: 4, colors: ['#8db55b', '#a4c46a', '#7ca64f'] },
      { type: 'track', y: 0.6, rail: '#7a7d82', train: '#f5f6f7', stripe: '#2f6fb5' },
      { type: 'trees', base: 0.9, count: 12, color: '#3f7236', trunk: '#4a3a2a', kind: 'round', size: 0.09 },
    ],
  },
  {
    key: 'old-town',
    seed: 97,
    width: W,
    height: H,
    caption: '云阳古城青瓦白墙,临水而建。',
    credit: '临湖网记者 周婉清 摄',
    alt: '临水而建的青瓦白墙老街',
    layers: [
      { type: 'sky', top: '#b8c6cf', bottom: '#eef0ec' },
      { type: 'hills', base: 0.38, amp: 0.14, color: '#9aa7a3', waves: 1.1 },
      { type: 'mist', top: 0.2, bottom: 0.42, color: '#f5f6f3', opacity: 0.7 },
      { type: 'roofs', base: 0.58, count: 8, wall: '#f4f1ea', roof: '#3e4247' },
      { type: 'water', top: 0.62, color: '#9fb0a9', deep: '#4d615c', shimmer: '#ffffff' },
      { type: 'boats', count: 2, top: 0.7, bottom: 0.85, hull: '#4b3a2a', sail: '#3a3a3a' },
      { type: 'trees', base: 0.55, count: 4, color: '#4f7a44', trunk: '#4a3a2a', kind: 'round', size: 0.12, from: 0.75, to: 1 },
    ],
  },
  {
    key: 'autumn-forest',
    seed: 101,
    width: W,
    height: H,
    caption: '秋日的鹤鸣山国家森林公园层林尽染。',
    credit: '临湖网记者 陈晓峰 摄',
    alt: '满山红黄色树林的秋日山景',
    layers: [
      { type: 'sky', top: '#7fb2dc', bottom: '#f4ead8' },
      { type: 'hills', base: 0.45, amp: 0.22, color: '#b58454', waves: 1.3 },
      { type: 'trees', base: 0.5, count: 40, color: '#c8662e', trunk: '#5a3a22', kind: 'pine', size: 0.1 },
      { type: 'hills', base: 0.72, amp: 0.12, color: '#a5542a', waves: 1.7 },
      { type: 'trees', base: 0.8, count: 30, color: '#e0a235', trunk: '#5a3a22', kind: 'round', size: 0.12 },
      { type: 'trees', base: 0.98, count: 14, color: '#b13f26', trunk: '#4a2a1a', kind: 'pine', size: 0.18 },
    ],
  },
  {
    key: 'wetland-sunset',
    seed: 113,
    width: W,
    height: H,
    caption: '傍晚,候鸟在临湖国家湿地公园上空飞翔。',
    credit: '临湖网通讯员 何远 摄',
    alt: '夕阳下湿地芦苇与飞鸟',
    layers: [
      { type: 'sky', top: '#e0704a', bottom: '#f9d48c' },
      { type: 'sun', x: 0.35, y: 0.52, r: 0.04, color: '#fff0c2', glow: '#ffb060' },
      { type: 'clouds', count: 4, color: '#c8553a', opacity: 0.5, band: [0.15, 0.35] },
      { type: 'hills', base: 0.58, amp: 0.05, color: '#6a3f3a', waves: 1 },
      { type: 'water', top: 0.58, color: '#e8955e', deep: '#5b3a3c', shimmer: '#fff0c0', sunX: 0.35 },
      { type: 'reeds', count: 160, color: '#3a2622', height: 0.28 },
      { type: 'birds', count: 14, color: '#2e1e1c', band: [0.18, 0.45] },
    ],
  },
  {
    key: 'campus',
    seed: 127,
    width: W,
    height: H,
    caption: '临湖市第一中学新校区教学楼和运动场。',
    credit: '临湖网记者 林嘉怡 摄',
    alt: '学校教学楼和绿色运动场',
    layers: [
      { type: 'sky', top: '#6fb1e8', bottom: '#e3f1fb' },
      { type: 'clouds', count: 6, color: '#ffffff', opacity: 0.9, band: [0.05, 0.3] },
      { type: 'city', base: 0.58, count: 5, minH: 0.16, maxH: 0.24, colors: ['#e9d9c4', '#dcc7ad', '#f0e3d2'], window: '#7fa6c8' },
      { type: 'terraces', top: 0.58, bands: 3, colors: ['#c0583f', '#4f9a48', '#5aa650'] },
      { type: 'trees', base: 0.6, count: 9, color: '#3c7a36', trunk: '#5a4330', kind: 'round', size: 0.1 },
    ],
  },
  {
    key: 'harbor',
    seed: 131,
    width: W,
    height: H,
    caption: '临湖港作业区内,货轮正在装卸集装箱。',
    credit: '临湖网记者 赵磊 摄',
    alt: '港口岸边的彩色集装箱和货船',
    layers: [
      { type: 'sky', top: '#88aecb', bottom: '#e9eef0' },
      { type: 'clouds', count: 5, color: '#ffffff', opacity: 0.7, band: [0.05, 0.3] },
      { type: 'hills', base: 0.5, amp: 0.08, color: '#9aa9b0', waves: 1.2 },
      { type: 'city', base: 0.56, count: 40, minH: 0.03, maxH: 0.08, colors: ['#c2452d', '#2f6fa5', '#e0a431', '#3f8f5a', '#8a8f96'], window: '#6b6f75' },
      { type: 'water', top: 0.56, color: '#5f8597', deep: '#233e4e', shimmer: '#ffffff' },
      { type: 'boats', count: 4, top: 0.62, bottom: 0.86, hull: '#2e3b46', sail: '#c9402c' },
      { type: 'birds', count: 5, color: '#3c4a55', band: [0.15, 0.3] },
    ],
  },
  {
    key: 'solar-park',
    seed: 149,
    width: W,
    height: H,
    caption: '云阳市渔光互补光伏电站,光伏板下方水面用于养殖。',
    credit: '临湖网通讯员 吴宏伟 摄',
    alt: '水面上成排的蓝色光伏板',
    layers: [
      { type: 'sky', top: '#5b9fd8', bottom: '#e6f2fb' },
      { type: 'clouds', count: 6, color: '#ffffff', opacity: 0.9, band: [0.05, 0.3] },
      { type: 'hills', base: 0.46, amp: 0.1, color: '#86a58f', waves: 1.4 },
      { type: 'water', top: 0.48, color: '#8fb4c4', deep: '#3d6a7c', shimmer: '#ffffff' },
      { type: 'panels', top: 0.52, rows: 6, color: '#26457a', frame: '#b8c4d2' },
    ],
  },
  {
    key: 'snow-village',
    seed: 157,
    width: W,
    height: H,
    caption: '雪后的白沙县山村银装素裹。',
    credit: '临湖网通讯员 刘春华 摄',
    alt: '被白雪覆盖的山村屋顶和松树',
    layers: [
      { type: 'sky', top: '#a9b8c9', bottom: '#eef2f6' },
      { type: 'hills', base: 0.45, amp: 0.18, color: '#dfe6ee', waves: 1.2 },
      { type: 'hills', base: 0.55, amp: 0.1, color: '#c9d4df', waves: 2 },
      { type: 'roofs', base: 0.7, count: 7, wall: '#8a7560', roof: '#f7f9fb' },
      { type: 'trees', base: 0.72, count: 18, color: '#3e5a4a', trunk: '#4a3a2a', kind: 'pine', size: 0.14 },
      { type: 'terraces', top: 0.8, bands: 2, colors: ['#f5f7fa', '#e8edf2'] },
      { type: 'mist', top: 0.3, bottom: 0.6, color: '#ffffff', opacity: 0.35 },
    ],
  },
];
