/**
 * Streets and their merchants: the street records, merchants, standards, inspections, supervision
 * (points, archive), the badge lifecycle and instruments, with their forms and the loaders that
 * check a user's towns.
 */
export * from './streets';
export * from './forms';
export * as merchants from './merchants';
export { merchantFilter } from './merchants';
export * as standards from './standards';
export * as inspections from './inspections';
export * as supervision from './supervision';
export * as badgeState from './badge-state';
export * as instruments from './instruments';
