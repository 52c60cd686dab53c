/**
 * Streets and their merchants: the street records, merchants, standards, inspections, supervision
 * (points, levels, archive) and instruments, with their forms and list filter.
 */
export * from './streets';
export * from './forms';
export * from './merchant-forms';
export * from './merchant-filter';
export * as merchants from './merchants';
export * as standards from './standards';
export * as inspections from './inspections';
export * as supervision from './supervision';
export * as instruments from './instruments';
