// The three dialect routes, one chunk loaded on the first request to any of them.
export { chartRoute } from './google-chart.js';
export { goqrRoute } from './goqr.js';
export { qrRoute } from './quickchart.js';
