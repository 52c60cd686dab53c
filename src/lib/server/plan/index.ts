/**
 * The work plan as the district runs it: units (towns and district departments), the year's
 * tasks with their responsible units and computed figures, and the units' progress reports.
 */
export * as departments from './departments';
export * as units from './units';
export * as tasks from './tasks';
export * as figures from './figures';
export * as reports from './reports';
export { seedReference } from './seed';
export * as views from './views';
export { rows39to42 } from './dashboard';
