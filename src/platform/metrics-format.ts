/**
 * The Prometheus text exposition format 0.0.4, written by hand (no client library is installed): a pure
 * function from metric families to the text a scraper reads.
 */
export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export type MetricType = 'counter' | 'gauge' | 'histogram';

export interface MetricSample {
  /** Appended to the family's name: `_bucket`, `_sum`, `_count` for a histogram; none otherwise. */
  suffix?: string;
  labels?: Record<string, string>;
  value: number;
}

export interface MetricFamily {
  name: string;
  help: string;
  type: MetricType;
  samples: MetricSample[];
}

/** A label value: backslash, double quote and line feed escaped. */
export const escapeLabelValue = (v: string) =>
  v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** A HELP text: backslash and line feed escaped (quotes stay). */
export const escapeHelp = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');

/** A sample value: integers as written, NaN and the infinities by their names. */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

function formatLabels(labels: Record<string, string> | undefined): string {
  const entries = Object.entries(labels ?? {});
  if (!entries.length) return '';
  return `{${entries.map(([k, v]) => `${k}="${escapeLabelValue(v)}"`).join(',')}}`;
}

/** The whole exposition: HELP, TYPE, then each sample on its own line; ends with a line feed. */
export function formatMetrics(families: MetricFamily[]): string {
  const lines: string[] = [];
  for (const f of families) {
    lines.push(`# HELP ${f.name} ${escapeHelp(f.help)}`);
    lines.push(`# TYPE ${f.name} ${f.type}`);
    for (const s of f.samples)
      lines.push(`${f.name}${s.suffix ?? ''}${formatLabels(s.labels)} ${formatValue(s.value)}`);
  }
  return lines.join('\n') + '\n';
}

/** Histogram buckets as samples: cumulative `le` buckets up to +Inf, then `_sum` and `_count`. */
export function histogramSamples(
  labels: Record<string, string>,
  bounds: readonly number[],
  counts: readonly number[],
  sum: number,
  count: number,
): MetricSample[] {
  const out: MetricSample[] = [];
  let running = 0;
  bounds.forEach((le, i) => {
    running += counts[i];
    out.push({ suffix: '_bucket', labels: { ...labels, le: formatValue(le) }, value: running });
  });
  out.push({ suffix: '_bucket', labels: { ...labels, le: '+Inf' }, value: count });
  out.push({ suffix: '_sum', labels, value: sum });
  out.push({ suffix: '_count', labels, value: count });
  return out;
}
