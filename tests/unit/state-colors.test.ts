import { describe, expect, it } from 'vitest';
import { OAS_MEMBER_STATES } from '../../lib/shared/member-states';
import { stateColor } from '../../lib/shared/state-colors';

/** Machado, Oliveira and Fernandes (2009), severity 1: linear-RGB matrices simulating each vision. */
const VISIONS: Record<string, number[][]> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

/** How far apart two colours look at the least: OKLab distance under the vision that brings them closest. */
const MIN_DISTANCE = 0.08;

function rgb(color: string): number[] {
  const hex = /^#([0-9a-f]{6})/i.exec(color);
  if (hex) return [0, 2, 4].map((i) => Number.parseInt(hex[1]!.slice(i, i + 2), 16) / 255);
  // hsl(h s% l%), as the earlier palette wrote its colours.
  const [h, s, l] = (/hsl\((\d+(?:\.\d+)?) (\d+)% (\d+)%/.exec(color) ?? []).slice(1).map(Number) as [
    number,
    number,
    number,
  ];
  const a = (s / 100) * Math.min(l / 100, 1 - l / 100);
  return [0, 8, 4].map((n) => {
    const k = (n + h / 30) % 12;
    return l / 100 - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
  });
}

const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

function oklab([r, g, b]: number[]): number[] {
  const [l, m, s] = [
    0.4122214708 * r! + 0.5363325363 * g! + 0.0514459929 * b!,
    0.2119034982 * r! + 0.6806995451 * g! + 0.1073969566 * b!,
    0.0883024619 * r! + 0.2817188376 * g! + 0.6299787005 * b!,
  ].map(Math.cbrt) as [number, number, number];
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

function seenBy(vision: number[][], color: string): number[] {
  const c = rgb(color).map(linear);
  return oklab(
    vision.map((row) =>
      Math.min(
        1,
        Math.max(
          0,
          row.reduce((sum, k, i) => sum + k * c[i]!, 0),
        ),
      ),
    ),
  );
}

function closest(a: string, b: string): number {
  return Math.min(
    ...Object.values(VISIONS).map((v) => Math.hypot(...seenBy(v, a).map((x, i) => x - seenBy(v, b)[i]!))),
  );
}

function contrastWithWhite(color: string): number {
  const [r, g, b] = rgb(color).map(linear) as [number, number, number];
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

describe('state colours', () => {
  it('tells neighbouring states apart for colour-blind readers too', () => {
    const codes = OAS_MEMBER_STATES.map(([code]) => code);
    const close = codes
      .slice(1)
      .flatMap((code, i) =>
        closest(stateColor(codes[i]), stateColor(code)) < MIN_DISTANCE ? [`${codes[i]}/${code}`] : [],
      );
    expect(close).toEqual([]);
  });

  it('tells apart the states of the demonstration plan (Peru and Jamaica were both red, Mexico and Brazil both green)', () => {
    const plan = ['PER', 'MEX', 'BRA', 'CAN', 'JAM'];
    const close = plan.flatMap((a, i) =>
      plan.slice(i + 1).flatMap((b) => (closest(stateColor(a), stateColor(b)) < MIN_DISTANCE ? [`${a}/${b}`] : [])),
    );
    expect(close).toEqual([]);
  });

  it('carries white text on every state colour (caret labels)', () => {
    const weak = OAS_MEMBER_STATES.flatMap(([code]) => (contrastWithWhite(stateColor(code)) < 4.5 ? [code] : []));
    expect(weak).toEqual([]);
  });
});
