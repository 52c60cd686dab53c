/** Events: options, the event records, summaries, imports and exports, and the event forms. */
export * from './events';
export * from './forms';
export * as extras from './extras';
export * as calendar from './calendar';
