/**
 * Test data made through the domain modules, as the app itself makes it: one set of factories
 * for the unit tests, the demo data in `seeds/`, the bench and the CLI's demo command. Each takes
 * the acting user first where the domain does, fills every field with a sensible value, and
 * takes overrides for the ones a caller cares about.
 */
export * from './random';
export * from './users';
export * from './streets';
export * from './fill';
export * from './badges';
export * from './feedback';
export * from './events';
export * from './campaign';
export * from './stories';
export * from './metrology';
export * from './credit-towns';
