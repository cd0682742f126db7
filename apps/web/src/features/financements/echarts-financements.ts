/**
 * ECharts for the funding charts: stacked bars with a legend, rendered as SVG (no canvas, no inline script: the CSP
 * stays strict). Loaded on demand by the first chart of the tab.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, LegendComponent, SVGRenderer]);

export { echarts };
