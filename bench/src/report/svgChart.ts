/** One bar group of the latency chart: a configuration, with one entry per server. */
export interface ChartGroup {
  label: string;
  bars: { series: string; p50: number; p95: number; p99: number }[];
}

/** A colour per series (server), in legend order. */
export interface ChartSeries {
  name: string;
  colour: string;
}

const WIDTH = 880;
const HEIGHT = 420;
const MARGIN = { top: 56, right: 24, bottom: 64, left: 64 };

/** Escapes text for SVG. */
function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Formats an axis tick (a power of ten) in milliseconds. */
function tick(value: number): string {
  return value >= 1 ? value.toFixed(0) : String(Number(value.toPrecision(1)));
}

/** Formats a bar label in milliseconds. */
function ms(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/**
 * A small, dependency-free grouped bar chart of latency percentiles on a logarithmic axis (the
 * relay and the servers differ by orders of magnitude). Each bar is the p99; p95 and p50 are
 * drawn inside it, darker, so one bar shows the spread.
 */
export function latencyChartSvg(
  title: string,
  groups: readonly ChartGroup[],
  series: readonly ChartSeries[],
): string {
  const values = groups
    .flatMap((group) => group.bars.flatMap((bar) => [bar.p50, bar.p99]))
    .filter((v) => v > 0 && Number.isFinite(v));
  const minValue = Math.max(0.01, Math.min(...values, 1));
  const maxValue = Math.max(...values, 1);
  const lowExp = Math.floor(Math.log10(minValue));
  const highExp = Math.ceil(Math.log10(maxValue));
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const y = (value: number) => {
    const clamped = Math.max(value, 10 ** lowExp);
    return MARGIN.top + plotH - ((Math.log10(clamped) - lowExp) / (highExp - lowExp || 1)) * plotH;
  };
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="system-ui, sans-serif" font-size="12">`,
  );
  parts.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`);
  parts.push(
    `<text x="${WIDTH / 2}" y="22" text-anchor="middle" font-size="15" font-weight="600">${escapeXml(title)}</text>`,
  );
  for (let exp = lowExp; exp <= highExp; exp++) {
    const value = 10 ** exp;
    const lineY = y(value).toFixed(1);
    parts.push(
      `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${lineY}" y2="${lineY}" stroke="#dddddd"/>`,
    );
    parts.push(
      `<text x="${MARGIN.left - 6}" y="${lineY}" text-anchor="end" dominant-baseline="middle" fill="#555">${tick(value)}</text>`,
    );
  }
  parts.push(
    `<text transform="translate(16 ${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle" fill="#333">latency, ms (log scale)</text>`,
  );
  const groupW = plotW / Math.max(1, groups.length);
  const barW = Math.min(48, (groupW * 0.8) / Math.max(1, series.length));
  groups.forEach((group, groupIndex) => {
    const groupX = MARGIN.left + groupIndex * groupW;
    const barsX = groupX + (groupW - barW * series.length) / 2;
    series.forEach((entry, seriesIndex) => {
      const bar = group.bars.find((candidate) => candidate.series === entry.name);
      const x = barsX + seriesIndex * barW;
      if (bar === undefined || !Number.isFinite(bar.p99)) {
        parts.push(
          `<text x="${(x + barW / 2).toFixed(1)}" y="${MARGIN.top + plotH - 4}" text-anchor="middle" fill="#999">n/a</text>`,
        );
        return;
      }
      const base = MARGIN.top + plotH;
      for (const [value, opacity] of [
        [bar.p99, 0.35],
        [bar.p95, 0.6],
        [bar.p50, 1],
      ] as const) {
        const top = y(value);
        parts.push(
          `<rect x="${(x + 2).toFixed(1)}" y="${top.toFixed(1)}" width="${(barW - 4).toFixed(1)}" height="${Math.max(0, base - top).toFixed(1)}" fill="${entry.colour}" fill-opacity="${opacity}"/>`,
        );
      }
      parts.push(
        `<text x="${(x + barW / 2).toFixed(1)}" y="${(y(bar.p99) - 4).toFixed(1)}" text-anchor="middle" font-size="10" fill="#222">${ms(bar.p99)}</text>`,
      );
    });
    parts.push(
      `<text x="${(groupX + groupW / 2).toFixed(1)}" y="${MARGIN.top + plotH + 18}" text-anchor="middle" fill="#222">${escapeXml(group.label)}</text>`,
    );
  });
  const legendY = HEIGHT - 18;
  let legendX = MARGIN.left;
  for (const entry of series) {
    parts.push(
      `<rect x="${legendX}" y="${legendY - 9}" width="12" height="12" fill="${entry.colour}"/>`,
    );
    parts.push(
      `<text x="${legendX + 16}" y="${legendY}" fill="#222">${escapeXml(entry.name)}</text>`,
    );
    legendX += 24 + entry.name.length * 7.5;
  }
  parts.push(
    `<text x="${WIDTH - MARGIN.right}" y="${legendY}" text-anchor="end" fill="#555">bar: p99 (light), p95, p50 (solid); label: p99</text>`,
  );
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
