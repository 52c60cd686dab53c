/** Work-plan figures by row. */
export * from './figures';
