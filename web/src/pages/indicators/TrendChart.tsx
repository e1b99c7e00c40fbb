// One indicator's trend from its baseline's year to the report's year, drawn by Recharts (decision
// 0031). Its own chunk: the report's first paint does not wait for the charting library. A hidden
// or missing year is a gap in the line, never a guess. The svg is an image whose name and
// description say the same figures in words; the table beside it (AnnualReport.tsx) is the full
// text equivalent. The baseline and the target stretch the axis, so both lines are always seen. Colours come from the design system's variables through styles.css, since SVG
// presentation attributes cannot read CSS variables.
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n } from '../../i18n.tsx';
import type { ReportRow } from '../../../../common/contracts/indicators.ts';

export interface TrendChartProps {
  row: ReportRow;
  /** The figures in words, year by year, as the table shows them. */
  describe: (value: ReportRow['trend'][number]['value']) => string;
  /** A number as the table writes it (with " %" for a share). */
  format: (n: number) => string;
}

export function TrendChart({ row, describe, format }: TrendChartProps) {
  const { t } = useI18n();
  const data = row.trend.map((p) => ({ year: String(p.year), value: p.value && 'value' in p.value ? p.value.value : null }));
  const title = t('indicators.ui.trend', { name: row.indicator.name });
  const description = row.trend.map((p) => `${p.year}: ${describe(p.value)}`).join(', ');
  return (
    <figure className="trend-chart" data-testid="trend-chart">
      <LineChart
        responsive
        data={data}
        style={{ width: '100%', height: 220 }}
        margin={{ top: 16, right: 16, bottom: 4, left: 0 }}
        accessibilityLayer={false}
        role="img"
        title={title}
        desc={description}
      >
        <CartesianGrid className="trend-chart__grid" vertical={false} />
        <XAxis dataKey="year" tickLine={false} padding={{ left: 24, right: 24 }} />
        <YAxis width={56} tickFormatter={(n: number) => format(n)} allowDecimals={row.indicator.unit === 'days' || row.indicator.unit === 'years'} domain={['auto', 'auto']} padding={{ top: 8, bottom: 16 }} />
        <ReferenceLine y={row.baseline.value} ifOverflow="extendDomain" className="trend-chart__baseline" strokeDasharray="4 4" label={{ value: t('indicators.report.baseline'), position: 'insideTopLeft', className: 'trend-chart__label' }} />
        {row.target ? (
          <ReferenceLine y={row.target.value} ifOverflow="extendDomain" className="trend-chart__target" strokeDasharray="8 4" label={{ value: `${t('indicators.report.target')} ${row.target.year}`, position: 'insideTopRight', className: 'trend-chart__label' }} />
        ) : null}
        <Tooltip formatter={(v) => (typeof v === 'number' ? format(v) : String(v))} />
        <Line type="linear" dataKey="value" name={t('indicators.report.status')} className="trend-chart__line" strokeWidth={2} isAnimationActive={false} connectNulls={false} dot={{ r: 4, className: 'trend-chart__dot' }} />
      </LineChart>
    </figure>
  );
}
