/**
 * ECharts, only what Maillage draws: bars and lines on a grid, rendered as SVG (no canvas, no inline script:
 * the CSP stays strict). Loaded on demand by the first chart of a page.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, SVGRenderer]);

export { echarts };
