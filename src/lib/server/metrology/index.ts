/** Honest-metrology demonstration units: records, fair scales, naming by inspection, figures. */
export * from './units';
